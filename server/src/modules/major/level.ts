import { registerEnumType } from 'type-graphql';

/** 培养层次 */
export enum Level {
  INTERMEDIATE = 'INTERMEDIATE',
  ADVANCED = 'ADVANCED',
  PREPARATORY_TECHNICIAN = 'PREPARATORY_TECHNICIAN',
}
registerEnumType(Level, {
  name: 'Level',
  valuesConfig: {
    INTERMEDIATE: { description: '中级工' },
    ADVANCED: { description: '高级工' },
    PREPARATORY_TECHNICIAN: { description: '预备技师（技师）' },
  },
});
