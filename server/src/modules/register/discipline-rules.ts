import { badInput, ruleViolation } from '../../common/errors.js';
import { DisciplineStatus } from './discipline.enums.js';

/** Links per case, and the longest link. */
export const MAX_ATTACHMENTS = 20;
export const MAX_ATTACHMENT_LENGTH = 500;

/** Attachments are links to documents kept elsewhere (http or https), never the documents themselves. */
export function validateAttachments(value: unknown): string[] {
  const links = value as string[];
  if (links.length > MAX_ATTACHMENTS) throw badInput('attachments', `附件链接最多 ${MAX_ATTACHMENTS} 个`, `at most ${MAX_ATTACHMENTS} attachment links`);
  links.forEach((link, i) => {
    let url: URL | null = null;
    try {
      url = link.length <= MAX_ATTACHMENT_LENGTH ? new URL(link) : null;
    } catch {
      url = null;
    }
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
      throw badInput(
        'attachments',
        `第 ${i + 1} 个附件链接须为 ${MAX_ATTACHMENT_LENGTH} 字符以内的 http(s) 网址`,
        `attachment ${i + 1} must be an http(s) URL of at most ${MAX_ATTACHMENT_LENGTH} characters`,
      );
    }
  });
  return links;
}

/** The register's only moves: a case is verified or dismissed, and a verified case may be referred to 纪检监察. */
export const DISCIPLINE_MOVES: Record<DisciplineStatus, DisciplineStatus[]> = {
  [DisciplineStatus.OPEN]: [DisciplineStatus.VERIFIED, DisciplineStatus.DISMISSED],
  [DisciplineStatus.VERIFIED]: [DisciplineStatus.REFERRED],
  [DisciplineStatus.DISMISSED]: [],
  [DisciplineStatus.REFERRED]: [],
};

const STATUS_ZH: Record<DisciplineStatus, string> = {
  [DisciplineStatus.OPEN]: '办理中',
  [DisciplineStatus.VERIFIED]: '已查实',
  [DisciplineStatus.DISMISSED]: '查无实据',
  [DisciplineStatus.REFERRED]: '已移交纪检监察',
};

interface Movable {
  id: number;
  status: DisciplineStatus;
  reportedOn: string;
  statusChangedOn: string | null;
  findings: string | null;
  measures: string | null;
}

/** Refuses a move the register does not allow, one without what it needs written, or one dated before the case's last step or after today. */
export function assertMove(row: Movable, to: DisciplineStatus, on: string, today: string): void {
  if (!DISCIPLINE_MOVES[row.status].includes(to)) {
    throw ruleViolation(
      'DISCIPLINE',
      `招生秩序登记 ${row.id} 当前为“${STATUS_ZH[row.status]}”，不能改为“${STATUS_ZH[to]}”`,
      `case ${row.id} is ${row.status}; it cannot become ${to}`,
      'status',
    );
  }
  if ((to === DisciplineStatus.VERIFIED || to === DisciplineStatus.DISMISSED) && !row.findings?.trim()) {
    throw ruleViolation('DISCIPLINE', '请先填写调查核实情况', 'write the findings first', 'findings');
  }
  if (to === DisciplineStatus.REFERRED && !row.measures?.trim()) {
    throw ruleViolation('DISCIPLINE', '移交纪检监察前请填写处理措施', 'write the measures before referring the case', 'measures');
  }
  const earliest = row.statusChangedOn ?? row.reportedOn;
  if (on < earliest || on > today) {
    throw badInput('on', `日期须在 ${earliest} 至 ${today} 之间`, `the date must lie between ${earliest} and ${today}`);
  }
}
