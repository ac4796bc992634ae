import { registerEnumType } from 'type-graphql';
import { Sex } from './id-number.js';

/** 学籍状态. A student on the roll (ENROLLED or SUSPENDED) holds the ID number's one place in the province. */
export enum StudentStatus {
  ENROLLED = 'ENROLLED',
  SUSPENDED = 'SUSPENDED',
  WITHDRAWN = 'WITHDRAWN',
  TRANSFERRED = 'TRANSFERRED',
  GRADUATED = 'GRADUATED',
}
registerEnumType(StudentStatus, {
  name: 'StudentStatus',
  valuesConfig: {
    ENROLLED: { description: '在籍在读' },
    SUSPENDED: { description: '休学（保留学籍）' },
    WITHDRAWN: { description: '退学' },
    TRANSFERRED: { description: '转出' },
    GRADUATED: { description: '毕业' },
  },
});

export const ON_ROLL: readonly StudentStatus[] = [StudentStatus.ENROLLED, StudentStatus.SUSPENDED];

/** The moves of a student's status: a suspension ends in a return or a withdrawal; the others end the record. */
export const STATUS_MOVES: Record<StudentStatus, StudentStatus[]> = {
  [StudentStatus.ENROLLED]: [StudentStatus.SUSPENDED, StudentStatus.WITHDRAWN, StudentStatus.TRANSFERRED, StudentStatus.GRADUATED],
  [StudentStatus.SUSPENDED]: [StudentStatus.ENROLLED, StudentStatus.WITHDRAWN, StudentStatus.TRANSFERRED],
  [StudentStatus.WITHDRAWN]: [],
  [StudentStatus.TRANSFERRED]: [],
  [StudentStatus.GRADUATED]: [],
};

registerEnumType(Sex, { name: 'Sex', valuesConfig: { MALE: { description: '男' }, FEMALE: { description: '女' } } });
export { Sex };
