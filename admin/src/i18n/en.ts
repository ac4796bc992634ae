import englishMessages from 'ra-language-english';
import type { zhCN } from './zh-CN';

type Messages = { [K in keyof typeof zhCN]: unknown };

export const en: Messages = {
  ...englishMessages,
  app: {
    title: 'Zhejiang technical-school enrollment campaign',
    language: 'Language',
    languages: { 'zh-CN': '中文', en: 'English' },
    menu: { dashboard: 'Dashboard', task_table: 'Task table' },
  },
  resources: {
    City: { name: 'City |||| Cities', fields: { code: 'Code', nameZh: 'Chinese name', nameEn: 'English name', displayOrder: 'Order' } },
    CampaignTarget: { name: 'City target |||| City targets', fields: { cityId: 'City', year: 'Year', seats: 'Target seats' } },
    School: { name: 'School |||| Schools', fields: { name: 'Name', type: 'Type', cityId: 'City', provincial: 'Provincial', ownership: 'Ownership' } },
    SchoolTarget: { name: 'School target |||| School targets', fields: { schoolId: 'School', year: 'Year', seats: 'Seats assigned' } },
    Major: { name: 'Major |||| Majors', fields: { code: 'Code', name: 'Name', category: 'Category', levels: 'Levels allowed' } },
    Program: {
      name: 'Program |||| Programs',
      fields: { schoolId: 'School', majorId: 'Major', level: 'Level', entryBasis: 'Entry basis', durationYears: 'Duration (years)', studyMode: 'Study mode', filedOn: 'Filed on' },
    },
    EnrollmentPlan: { name: 'Plan line |||| Plan lines', fields: { schoolId: 'School', programId: 'Program', year: 'Year', season: 'Season', seats: 'Seats', status: 'Status' } },
    Intake: { name: 'Intake |||| Intakes', fields: { planId: 'Plan line', count: 'Students', targetGroup: 'Target group', originCode: 'Origin code', registeredOn: 'Registered on' } },
  },
  enums: {
    SchoolType: { TECHNICIAN_COLLEGE: 'Technician college', SENIOR_TECHNICAL_SCHOOL: 'Senior technical school', TECHNICAL_SCHOOL: 'Technical school' },
    Ownership: { PUBLIC: 'Public', PRIVATE: 'Private', ENTERPRISE: 'Enterprise-run' },
    Level: { INTERMEDIATE: 'Intermediate worker', ADVANCED: 'Advanced worker', PREPARATORY_TECHNICIAN: 'Preparatory technician' },
    EntryBasis: { JUNIOR_HIGH: 'Junior high', SENIOR_HIGH: 'Senior high', CERTIFICATE: 'Vocational certificate' },
    StudyMode: { FULL_TIME: 'Full time', PART_TIME: 'Part time', SKILLS_TRAINING: 'Skills training (not counted)' },
    Season: { SPRING: 'Spring', AUTUMN: 'Autumn' },
    PlanStatus: { DRAFT: 'Draft', SUBMITTED: 'Submitted', APPROVED: 'Approved', FILED: 'Filed' },
    TargetGroup: {
      JUNIOR_HIGH_GRADUATE: 'Junior-high graduate', JUNIOR_HIGH_PAST: 'Earlier junior-high graduate', SENIOR_HIGH_GRADUATE: 'Senior-high graduate',
      SENIOR_HIGH_PAST: 'Earlier senior-high graduate', ENTERPRISE_EMPLOYEE: 'Enterprise employee', UNEMPLOYED: 'Unemployed', FLEXIBLE_EMPLOYMENT: 'Flexibly employed',
      MIGRANT_WORKER: 'Migrant worker', NEW_FARMER: 'New professional farmer', OTHER: 'Other',
    },
  },
  validation: {
    city_code: 'must be a 6-digit Zhejiang city code (33xx00)',
    major_code: 'must be 4 digits, optionally with -N (0104 or 0104-1)',
    origin_code: 'must be a 6-digit GB/T 2260 code',
  },
  sheet: {
    add_row: 'Add row', delete_rows: 'Delete selected', undo: 'Undo', redo: 'Redo', fill_down: 'Fill down', save: 'Save', reload: 'Reload',
    columns: 'Columns', reset_columns: 'Reset columns', totals: 'Total', pending: '1 unsaved row |||| %{smart_count} unsaved rows',
    problem_cell: 'Row %{row}, %{field}: %{message}', problem_row: 'Row %{row}: %{message}',
    keys: {
      add: 'Add a row at the bottom', delete: 'Delete the ticked rows (saved rows are deleted on save)', undo: 'Undo Ctrl+Z', redo: 'Redo Ctrl+Y',
      fill: 'Fill the selection down from its first row Ctrl+D', save: 'Save all changes at once (all or nothing)',
    },
    grid: { no_rows: 'No rows', loading: 'Loading…' },
    errors: {
      number: 'must be a number', integer: 'must be a whole number', date: 'must be a date (e.g. 2024-03-31)', boolean: 'must be yes or no',
      enum: 'unknown option: %{value}', reference: 'not found: %{value}', ambiguous: 'several match: %{value}',
    },
    notify: { saved: 'Saved 1 row |||| Saved %{smart_count} rows', nothing_to_save: 'Nothing to save', fix_errors: 'Fix the cells marked red before saving' },
    conflict: {
      title: 'Changed by someone else', body: 'Someone else changed some of these rows before you saved; their change was kept. Reload to see the current data (your unsaved edits are dropped).',
      reload: 'Reload', keep: 'Not now',
    },
    import: {
      button: 'Import', title: 'Import preview (%{count} rows)', line: 'Line', problems: 'Problems', save: 'Import and save %{count} rows',
      saved: 'Imported 1 row |||| Imported %{smart_count} rows', has_errors: '%{count} rows have problems; fix the file and import again. Nothing will be written.',
      ready: '%{count} rows passed the checks; saving writes them all at once (or none if any is refused).',
      unknown_headers: 'These columns are not recognised and will be ignored: %{headers}', unreadable: 'Cannot read the file: %{message}',
    },
    export: { button: 'Export', xlsx: 'Export Excel (.xlsx)', csv: 'Export CSV' },
  },
  task_table: {
    title: 'Task table (progress against the notice)', city: 'City', province: 'Province', target: 'Target', planned: 'Planned', enrolled: 'Enrolled', completion: 'Done',
    waiting: 'Completion appears once the campaignProgress query is available; targets can be viewed and edited now.', edit_targets: 'Edit targets', saved: 'Targets saved',
  },
  dashboard: {
    title: 'Dashboard', progress: 'Progress by year', by_city: 'Progress by city', level_mix: 'Advanced-level share', source_mix: 'Source mix',
    partnerships: 'Partnerships', waiting: 'Shown once the analytics queries are available', target: 'Target', enrolled: 'Enrolled', share: 'Share',
  },
};
