import { useState } from 'react';
import { gql } from '@apollo/client';
import { Box, Link, Table, TableBody, TableCell, TableHead, TableRow, ToggleButton, ToggleButtonGroup } from '@mui/material';
import { Title, useLocale, useTranslate } from 'react-admin';
import { runQuery } from '../../dataProvider';
import { ChartCard } from '../dashboard/ChartCard';
import { rowsOf, usePart } from '../part';

interface DuplicateStudent {
  id: string;
  name: string;
  idNumber: string;
  registeredOn: string;
  status: string;
  school: { name: string; city: { nameZh: string; nameEn: string } };
}
interface DuplicateGroup {
  count: number;
  students: DuplicateStudent[];
}

const DUPLICATES = gql`
  query DuplicateStudents($limit: Int) {
    duplicateStudents(limit: $limit) {
      count
      students {
        id
        name
        idNumber
        registeredOn
        status
        school {
          name
          city {
            nameZh
            nameEn
          }
        }
      }
    }
  }
`;

/** How many ID numbers to list: the server's default and its most (query-shape-limits.ts). */
const LIMITS = [100, 500];

const COLUMNS = ['group', 'id_number', 'count', 'name', 'school', 'city', 'registered_on', 'status', 'open'];

/**
 * 重复学籍 (duplicateStudents, the province admin alone): ID numbers on the roll of more than one
 * school, entered before the check refused them, oldest first. Names and ID numbers are shown as the
 * API returns them to the reader (it masks them for those who may only see them masked); each record
 * opens in the student sheet's form.
 */
export function DuplicatesPage() {
  const t = useTranslate();
  const locale = useLocale();
  const [limit, setLimit] = useState(LIMITS[0]!);
  const part = usePart(() => runQuery<{ duplicateStudents: DuplicateGroup[] }>(DUPLICATES, { limit }).then((r) => r.duplicateStudents), [limit])!;
  const groups = rowsOf(part);
  const choice = (
    <ToggleButtonGroup size="small" exclusive value={limit} onChange={(_, value: number | null) => value && setLimit(value)} aria-label={t('duplicates.limit')}>
      {LIMITS.map((n) => (
        <ToggleButton key={n} value={n}>
          {t('duplicates.at_most', { n })}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
  return (
    <Box sx={{ mt: 2 }} data-testid="duplicates-page" className="duplicates">
      <Title title={t('duplicates.title')} />
      <ChartCard
        title={t('duplicates.heading', { groups: groups.length })}
        subtitle={t('duplicates.note')}
        part={part}
        empty={groups.length === 0}
        height="auto"
        action={choice}
      >
        <Table size="small" sx={{ '& td, & th': { py: 0.5, fontSize: 13 } }}>
          <TableHead>
            <TableRow>
              {COLUMNS.map((c) => (
                <TableCell key={c}>{t(`duplicates.columns.${c}`)}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {groups.flatMap((group, g) =>
              group.students.map((s, i) => (
                <TableRow key={s.id} data-group={g + 1} sx={i === group.students.length - 1 ? undefined : { '& td': { borderBottom: 'none' } }}>
                  {i === 0 && (
                    <>
                      <TableCell rowSpan={group.students.length}>{g + 1}</TableCell>
                      <TableCell rowSpan={group.students.length} sx={{ fontFamily: 'monospace' }}>
                        {s.idNumber}
                      </TableCell>
                      <TableCell rowSpan={group.students.length}>{group.count}</TableCell>
                    </>
                  )}
                  <TableCell>{s.name}</TableCell>
                  <TableCell>{s.school.name}</TableCell>
                  <TableCell>{locale === 'en' ? s.school.city.nameEn : s.school.city.nameZh}</TableCell>
                  <TableCell>{s.registeredOn}</TableCell>
                  <TableCell>{t(`enums.StudentStatus.${s.status}`)}</TableCell>
                  <TableCell>
                    <Link href={`#/Student/${s.id}`}>{t('duplicates.open')}</Link>
                  </TableCell>
                </TableRow>
              )),
            )}
          </TableBody>
        </Table>
      </ChartCard>
    </Box>
  );
}
