import englishMessages from 'ra-language-english';
import type { zhCN } from './zh-CN';

type Messages = { [K in keyof typeof zhCN]: unknown };

export const en: Messages = {
  ...englishMessages,
  app: {
    title: 'Zhejiang technical-school enrollment campaign',
    language: 'Language',
    languages: { 'zh-CN': '中文', en: 'English' },
    login: { subtitle: 'Zhejiang Department of Human Resources and Social Security · sign in with your own account' },
    menu: { dashboard: 'Dashboard', tasks: 'To do', task_table: 'Task table' },
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
    Intake: { name: 'Intake |||| Intakes', fields: { planId: 'Plan line', count: 'Students', targetGroup: 'Target group', originCode: 'Origin', registeredOn: 'Registered on' } },
    PlanAdjustment: {
      name: 'Plan adjustment |||| Plan adjustments',
      fields: { planId: 'Plan line', oldSeats: 'Seats before', newSeats: 'New seats', reason: 'Reason', requestedBy: 'Requested by', requestedOn: 'Requested on', decision: 'Decision', decidedBy: 'Decided by', decidedOn: 'Decided on', decisionNote: 'Decision note' },
    },
    PlanTransition: { name: 'Plan step |||| Plan steps', fields: { planId: 'Plan line', step: 'Step', fromStatus: 'From', toStatus: 'To', reason: 'Reason', occurredOn: 'Date' } },
    Company: { name: 'Company |||| Companies', fields: { name: 'Name', shortName: 'Short name', creditCode: 'Unified social credit code', industry: 'Industry', cityId: 'City' } },
    Partnership: {
      name: 'Partnership |||| Partnerships',
      fields: { schoolId: 'School', companyId: 'Company', kind: 'Kind', startsOn: 'Starts on', endsOn: 'Ends on', status: 'Status', positionsOffered: 'Positions offered', notes: 'Notes' },
    },
    OrderClass: {
      name: 'Order class |||| Order classes',
      fields: { name: 'Class name', partnershipId: 'Partnership', programId: 'Program', year: 'Year', season: 'Season', seats: 'Seats', enrolled: 'Enrolled', employmentCommitment: 'Hiring commitment (%)', stipendPerYear: 'Stipend per year (yuan)' },
    },
    CrossRegionAgreement: {
      name: 'Cross-region agreement |||| Cross-region agreements',
      fields: {
        programId: 'Zhejiang program', partnerProvinceCode: 'Partner province', partnerInstitution: 'Partner institution', stages: 'Stages', model: 'Model', seats: 'Seats', enrolled: 'Enrolled',
        signedOn: 'Signed on', schoolId: 'School', cityId: 'City',
      },
    },
    OutreachVisit: { name: 'Outreach visit |||| Outreach visits', fields: { cityId: 'City', visitedOn: 'Visited on', provinceCode: 'Province', delegationLead: 'Delegation lead', agreementsSigned: 'Agreements signed', notes: 'Notes' } },
    Incentive: { name: 'Incentive |||| Incentives', fields: { cityId: 'City', year: 'Year', kind: 'Kind', amountPerStudent: 'Per student (yuan)', eligibility: 'Eligibility', targetGroups: 'Target groups' } },
    AnnualSummary: {
      name: 'Yearly summary |||| Yearly summaries',
      fields: { cityId: 'City', year: 'Year', problems: 'Problems', nextYearMeasures: 'Next year\u2019s measures', status: 'Status', dueOn: 'Due on', submittedOn: 'Submitted on', late: 'Late' },
    },
    DisciplineCase: {
      name: 'Enrollment-order case |||| Enrollment-order register',
      fields: { cityId: 'City', schoolId: 'School', kind: 'Kind', source: 'Source', reportedOn: 'Reported on', summary: 'Complaint', findings: 'Findings', measures: 'Measures', status: 'Status', statusChangedOn: 'Decided on', referredOn: 'Referred on' },
    },
    ScoringWeight: { name: 'Scoring weight |||| Scoring weights', fields: { criterion: 'Criterion', weight: 'Weight' } },
    User: { name: 'User |||| Users', fields: { username: 'Username', displayName: 'Name', role: 'Role', cityId: 'City', schoolId: 'School', active: 'Active', password: 'New password' } },
  },
  enums: {
    Industry: {
      NEW_GENERATION_IT: '415X: new-generation IT', HIGH_END_EQUIPMENT: '415X: high-end equipment', MODERN_CONSUMER_HEALTH: '415X: modern consumer goods and health',
      GREEN_PETROCHEMICAL_MATERIALS: '415X: green petrochemicals and new materials', EMERGING_MANUFACTURING: '415X "X": emerging industries', DIGITAL_ECONOMY: 'Digital economy', MODERN_AGRICULTURE: 'Modern agriculture',
      MODERN_SERVICES: 'Modern services', OTHER: 'Other',
    },
    PartnershipKind: { ORDER_CLASS: 'Order class', NAMED_CLASS: 'Named class', APPRENTICESHIP: 'Apprenticeship', WORK_STUDY: 'Work-study' },
    PartnershipStatus: { ACTIVE: 'Active', ENDED: 'Ended', SUSPENDED: 'Suspended' },
    StageWhere: { PARTNER: 'At the partner province', ZHEJIANG: 'In Zhejiang', WORK: 'Work placement' },
    IncentiveKind: { TUITION_WAIVER: 'Tuition waiver', LIVING_COST_WAIVER: 'Living-cost waiver', SCHOLARSHIP: 'Scholarship', GRANT: 'Grant', PARTNER_CITY_SUBSIDY: 'Partner-city subsidy' },
    DisciplineKind: { ILLEGAL_RECRUITMENT: 'Illegal recruiting', FALSE_ADVERTISING: 'False advertising', MISLEADING_STUDENTS: 'Misleading students', FALSE_REGISTRATION: 'False registration', OTHER: 'Other' },
    DisciplineSource: { COMPLAINT: 'Complaint', INSPECTION: 'Inspection', MEDIA: 'Media', ASSIGNED: 'Assigned from above', OTHER: 'Other' },
    DisciplineStatus: { OPEN: 'Open', VERIFIED: 'Verified', DISMISSED: 'Dismissed', REFERRED: 'Referred to discipline inspection' },
    ScoreCriterion: {
      COMPLETION: 'Completion of the year\u2019s target (up to 100%)', ADVANCED_SHARE: 'Advanced share (against the best city)', ADVANCED_TREND: 'Advanced share rising',
      SUMMARY_ON_TIME: 'Summary on time', OUTREACH_VISITS: 'Outreach visits', OPEN_CASES: 'Open enrollment-order cases',
    },
    AdjustmentDecision: { PENDING: 'Pending', APPROVED: 'Approved', REJECTED: 'Rejected' },
    SummaryStatus: { SUBMITTED: 'Submitted', DUE: 'Due', OVERDUE: 'Overdue' },
    PlanStep: { SUBMIT: 'Submit', APPROVE: 'Approve', FILE: 'File', RETURN: 'Return' },
    AuditAction: { CREATE: 'Created', UPDATE: 'Changed', DELETE: 'Deleted' },
    Role: {
      PROVINCE_ADMIN: 'Province admin', CITY_ADMIN: 'City bureau admin', SCHOOL_STAFF: 'School staff', ANALYST: 'Analyst (read-only)', SERVICE: 'Service account',
    },
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
    credit_code: 'must be an 18-character unified social credit code (digits and capitals except I, O, Z, S, V)',
    province_code: 'must be a 6-digit province code (xx0000)',
    username: '3–50 lowercase letters, digits, _ . - starting with a letter',
    city_code: 'must be a 6-digit Zhejiang city code (33xx00)',
    major_code: 'must be 4 digits, optionally with -N (0104 or 0104-1)',
    origin_code: 'must be a 6-digit GB/T 2260 code',
  },
  sheet: {
    row_number: 'Row', row_count: '%{count} rows', totals_loaded: 'Total of loaded rows',
    truncated: 'Only the first %{loaded} of %{count} rows are loaded; export, sort and totals cover the loaded rows only. Narrow the filter',
    confirm_discard: '%{smart_count} changed row(s) are not saved and will be lost. Leave anyway?',
    open_record: 'Open the record (form and history)',
    add_row: 'Add row', delete_rows: 'Delete selected', undo: 'Undo', redo: 'Redo', fill_down: 'Fill down', save: 'Save', reload: 'Reload',
    columns: 'Columns', reset_columns: 'Reset columns', totals: 'Total', pending: '1 unsaved row |||| %{smart_count} unsaved rows',
    problem_cell: 'Row %{row}, %{field}: %{message}', problem_row: 'Row %{row}: %{message}',
    keys: {
      add: 'Add a row at the bottom', delete: 'Delete the ticked rows (saved rows are deleted on save)', undo: 'Undo Ctrl+Z', redo: 'Redo Ctrl+Y',
      fill: 'Fill the selection down from its first row Ctrl+D', save: 'Save all changes at once (all or nothing)',
    },
    grid: { no_rows: 'No rows', loading: 'Loading…' },
    errors: {
      stages: 'write it as “Zhejiang2+Partner1”: place and years, joined by +', 
      number: 'must be a number', integer: 'must be a whole number', date: 'must be a date (e.g. 2024-03-31)', boolean: 'must be yes or no',
      enum: 'unknown option: %{value}', reference: 'not found: %{value}', ambiguous: 'several match: %{value}',
    },
    notify: { saved: 'Saved 1 row |||| Saved %{smart_count} rows', nothing_to_save: 'Nothing to save', fix_errors: 'Fix the cells marked red before saving' },
    conflict: {
      title: 'Changed by someone else', body: 'Someone else changed some of these rows before you saved; their change was kept. Reload to see the current data (your unsaved edits are dropped).',
      reload: 'Reload', keep: 'Not now', field: 'Column', mine: 'Your value', theirs: 'Saved meanwhile', deleted: '(deleted)',
    },
    import: {
      button: 'Import', title: 'Import preview (%{count} rows)', action: 'Action', create: 'New', update: 'Update', unchanged: 'Unchanged',
      counts: '%{created} new, %{updated} updated, %{unchanged} already as in the file (not written)', line: 'Line', problems: 'Problems', save: 'Import and save %{count} rows',
      saved: 'Imported 1 row |||| Imported %{smart_count} rows', has_errors: '%{count} rows have problems; fix the file and import again. Nothing will be written.',
      ready: '%{count} rows passed the checks; saving writes them all at once (or none if any is refused).',
      unknown_headers: 'These columns are not recognised and will be ignored: %{headers}', unreadable: 'Cannot read the file: %{message}',
    },
    export: { button: 'Export', xlsx: 'Export Excel (.xlsx)', csv: 'Export CSV' },
  },
  tasks: { title: 'To do and reminders', none: 'Nothing to do', mark_all_read: 'Mark all read', unread: 'Unread', raised_on: 'Reminded on', due_on: 'Due on' },
  task_table: {
    title: 'Task table (progress against the notice)', city: 'City', province: 'Province', year: '%{year}', campaign: '2023–2027 total',
    target: 'Target', planned: 'Planned', enrolled: 'Enrolled', completion: 'Done', edit_targets: 'Edit targets', saved: 'Targets saved', not_started: 'not started',
  },
  dashboard: {
    title: 'Dashboard', year: 'Year', progress: 'Progress by year (%{scope})', province: 'province', by_city: 'Target and enrolled by city, %{year}', level_mix: 'Level structure: advanced and above',
    advanced_share: 'Advanced and above', source_mix: 'Sources in %{year} (left: target groups; right: origin)', source_note: '%{enrolled} students, %{share} from outside Zhejiang; %{training} in skills training counted apart',
    origins: { IN_CITY: 'Same city', OTHER_ZHEJIANG_CITY: 'Other Zhejiang cities', OTHER_PROVINCE: 'Other provinces' },
    students: 'Students', partnerships: 'Partnerships in %{year} by kind', ranking: 'City ranking, %{year}', no_data: 'No data yet',
    columns: { rank: 'Rank', city: 'City', target: 'Target', enrolled: 'Enrolled', completion: 'Done', advanced_share: 'Advanced share' },
  },
  stages: { short: { PARTNER: 'Partner', ZHEJIANG: 'Zhejiang', WORK: 'Work' }, where: 'Where', years: 'Years' },
  history: { title: 'History', none: 'No changes recorded', empty: '(empty)' },
  workflow: {
    submit: 'Submit', approve: 'Approve', file: 'File', return: 'Return', reason: 'Reason for returning', return_title: 'Return 1 plan line |||| Return %{smart_count} plan lines',
    done: '%{step}: 1 line |||| %{step}: %{smart_count} lines', none_selected: 'Tick the plan lines first',
  },
  adjustment: {
    request: 'Request adjustment', decide: 'Decide', requested: 'Adjustment requested', decided: 'Decided 1 request |||| Decided %{smart_count} requests',
    some_refused: 'Decided %{smart_count}; the others were refused (rows in red)', none_pending: 'Tick pending requests first', current_seats: 'Seats now: %{seats}',
    locked_only: 'Only approved or filed lines are adjusted',
  },
  summary: { submit: 'Submit', submitted: 'Submitted 1 summary |||| Submitted %{smart_count} summaries' },
};
