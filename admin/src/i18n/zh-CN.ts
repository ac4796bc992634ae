import { raChinese } from './ra-zh-CN';

/** Chinese, the default language. Every key English has must exist here (i18n.test.ts). */
export const zhCN = {
  ...raChinese,
  app: {
    title: '浙江省技工院校招生五年行动',
    language: '语言',
    languages: { 'zh-CN': '中文', en: 'English' },
    login: { subtitle: '浙江省人力资源和社会保障厅 · 请使用本人账号登录' },
    menu: { dashboard: '工作台', tasks: '待办', task_table: '任务表' },
  },
  resources: {
    City: { name: '设区市', fields: { code: '行政区划代码', nameZh: '中文名称', nameEn: '英文名称', displayOrder: '排序' } },
    CampaignTarget: { name: '分阶段任务', fields: { cityId: '设区市', year: '年度', seats: '目标人数' } },
    School: { name: '技工院校', fields: { name: '学校名称', type: '学校类型', cityId: '所在设区市', provincial: '省属', ownership: '办学性质' } },
    SchoolTarget: { name: '任务分解', fields: { schoolId: '学校', year: '年度', seats: '分解人数' } },
    Major: { name: '专业目录', fields: { code: '专业代码', name: '专业名称', category: '专业类别', levels: '可开设层次' } },
    Program: {
      name: '开设专业',
      fields: { schoolId: '学校', majorId: '专业', level: '培养层次', entryBasis: '招生起点', durationYears: '学制（年）', studyMode: '学习形式', filedOn: '备案日期' },
    },
    EnrollmentPlan: { name: '招生计划', fields: { schoolId: '学校', programId: '专业', year: '年度', season: '季节', seats: '计划人数', status: '状态' } },
    Intake: { name: '招生实绩', fields: { planId: '招生计划', count: '人数', targetGroup: '招生对象', originCode: '生源地代码', registeredOn: '学籍注册日期' } },
    PlanAdjustment: {
      name: '计划调整',
      fields: { planId: '招生计划', oldSeats: '原计划人数', newSeats: '调整后人数', reason: '调整理由', requestedBy: '申请人', requestedOn: '申请日期', decision: '审批结果', decidedBy: '审批人', decidedOn: '审批日期', decisionNote: '审批意见' },
    },
    PlanTransition: { name: '计划流转记录', fields: { planId: '招生计划', step: '操作', fromStatus: '原状态', toStatus: '新状态', reason: '理由', occurredOn: '日期' } },
    Company: { name: '合作企业', fields: { name: '企业名称', shortName: '企业简称', creditCode: '统一社会信用代码', industry: '所属产业', cityId: '所在设区市' } },
    Partnership: {
      name: '校企合作',
      fields: { schoolId: '学校', companyId: '企业', kind: '合作形式', startsOn: '协议开始日期', endsOn: '协议结束日期', status: '状态', positionsOffered: '提供就业岗位数', notes: '备注' },
    },
    OrderClass: {
      name: '订单班冠名班',
      fields: { name: '班级名称', partnershipId: '校企合作', programId: '专业', year: '年度', season: '季节', seats: '班级人数', enrolled: '已招人数', employmentCommitment: '承诺录用比例（%）', stipendPerYear: '每生每年补贴（元）' },
    },
    CrossRegionAgreement: {
      name: '跨区域联合培养',
      fields: {
        programId: '浙江方专业', partnerProvinceCode: '合作省份代码', partnerInstitution: '合作院校（机构）', stages: '培养阶段', model: '培养模式', seats: '招生人数', enrolled: '已招人数',
        signedOn: '签订日期', schoolId: '学校', cityId: '设区市',
      },
    },
    OutreachVisit: { name: '赴外省对接', fields: { cityId: '设区市', visitedOn: '对接日期', provinceCode: '对接省份代码', delegationLead: '带队领导', agreementsSigned: '签订协议数', notes: '备注' } },
    Incentive: { name: '招生优惠政策', fields: { cityId: '设区市', year: '年度', kind: '优惠类型', amountPerStudent: '每生金额（元）', eligibility: '享受对象', targetGroups: '享受对象群体' } },
    AnnualSummary: {
      name: '年度总结',
      fields: { cityId: '设区市', year: '年度', problems: '存在的问题', nextYearMeasures: '下一年度工作举措', status: '报送状态', dueOn: '报送期限', submittedOn: '报送日期', late: '逾期报送' },
    },
    DisciplineCase: {
      name: '招生秩序登记',
      fields: { cityId: '设区市', schoolId: '学校', kind: '类别', source: '来源', reportedOn: '受理日期', summary: '反映的问题', findings: '调查核实情况', measures: '处理措施', status: '状态', statusChangedOn: '办结日期', referredOn: '移交日期' },
    },
    ScoringWeight: { name: '绩效考核权重', fields: { criterion: '考核指标', weight: '权重' } },
    User: { name: '用户', fields: { username: '用户名', displayName: '姓名', role: '角色', cityId: '设区市', schoolId: '学校', active: '启用', password: '新密码' } },
  },
  enums: {
    Industry: {
      NEW_GENERATION_IT: '“415X”新一代信息技术产业群', HIGH_END_EQUIPMENT: '“415X”高端装备产业群', MODERN_CONSUMER_HEALTH: '“415X”现代消费与健康产业群',
      GREEN_PETROCHEMICAL_MATERIALS: '“415X”绿色石化与新材料产业群', EMERGING_MANUFACTURING: '“415X”中的“X”：新星产业群', DIGITAL_ECONOMY: '数字经济', MODERN_AGRICULTURE: '现代农业',
      MODERN_SERVICES: '现代服务业', OTHER: '其他行业',
    },
    PartnershipKind: { ORDER_CLASS: '订单班', NAMED_CLASS: '冠名班', APPRENTICESHIP: '企业新型学徒制', WORK_STUDY: '工学一体化' },
    PartnershipStatus: { ACTIVE: '执行中', ENDED: '已结束', SUSPENDED: '已暂停' },
    StageWhere: { PARTNER: '在合作省份学习', ZHEJIANG: '在浙江学习', WORK: '两地交叉工作' },
    IncentiveKind: { TUITION_WAIVER: '学费减免', LIVING_COST_WAIVER: '生活费减免', SCHOLARSHIP: '奖学金', GRANT: '助学金', PARTNER_CITY_SUBSIDY: '对口城市合作办学补助' },
    DisciplineKind: { ILLEGAL_RECRUITMENT: '违规招生', FALSE_ADVERTISING: '虚假宣传', MISLEADING_STUDENTS: '欺骗误导学生', FALSE_REGISTRATION: '虚假学籍', OTHER: '其他' },
    DisciplineSource: { COMPLAINT: '群众投诉举报', INSPECTION: '督查检查', MEDIA: '媒体反映', ASSIGNED: '上级交办', OTHER: '其他' },
    DisciplineStatus: { OPEN: '办理中', VERIFIED: '已查实', DISMISSED: '查无实据', REFERRED: '已移交纪检监察' },
    ScoreCriterion: {
      COMPLETION: '年度任务完成率（学制教育招生 / 任务数，至多 100%）', ADVANCED_SHARE: '高级工及以上占比（相对全省最高的设区市）', ADVANCED_TREND: '高级工及以上占比较上年提高',
      SUMMARY_ON_TIME: '年度招生工作总结按时报送', OUTREACH_VISITS: '赴外省对接活动', OPEN_CASES: '招生秩序：年内受理尚未办结的案件',
    },
    AdjustmentDecision: { PENDING: '待审批', APPROVED: '已批准', REJECTED: '已驳回' },
    SummaryStatus: { SUBMITTED: '已报送', DUE: '待报送', OVERDUE: '已逾期' },
    PlanStep: { SUBMIT: '提交', APPROVE: '下达', FILE: '备案', RETURN: '退回' },
    AuditAction: { CREATE: '新增', UPDATE: '修改', DELETE: '删除' },
    Role: {
      PROVINCE_ADMIN: '省人力社保厅管理员：全省，下达省属院校计划并接收备案', CITY_ADMIN: '设区市人力社保局管理员：本市院校', SCHOOL_STAFF: '院校工作人员：本校草稿计划与招生实绩',
      ANALYST: '分析人员：全省只读', SERVICE: '对接系统（联邦网关等）：全省只读，长期令牌',
    },
    SchoolType: { TECHNICIAN_COLLEGE: '技师学院', SENIOR_TECHNICAL_SCHOOL: '高级技工学校', TECHNICAL_SCHOOL: '技工学校' },
    Ownership: { PUBLIC: '公办', PRIVATE: '民办', ENTERPRISE: '企业办' },
    Level: { INTERMEDIATE: '中级工', ADVANCED: '高级工', PREPARATORY_TECHNICIAN: '预备技师（技师）' },
    EntryBasis: { JUNIOR_HIGH: '初中起点', SENIOR_HIGH: '高中起点', CERTIFICATE: '持职业资格（技能等级）证书' },
    StudyMode: { FULL_TIME: '全日制', PART_TIME: '非全日制', SKILLS_TRAINING: '技能培训（不计入学制教育）' },
    Season: { SPRING: '春季', AUTUMN: '秋季' },
    PlanStatus: { DRAFT: '草稿', SUBMITTED: '已提交', APPROVED: '已下达', FILED: '已备案' },
    TargetGroup: {
      JUNIOR_HIGH_GRADUATE: '应届初中毕业生', JUNIOR_HIGH_PAST: '往届初中毕业生', SENIOR_HIGH_GRADUATE: '应届高中毕业生', SENIOR_HIGH_PAST: '往届高中毕业生',
      ENTERPRISE_EMPLOYEE: '企业职工', UNEMPLOYED: '失业人员', FLEXIBLE_EMPLOYMENT: '灵活就业人员', MIGRANT_WORKER: '农民工', NEW_FARMER: '新型职业农民', OTHER: '其他群体',
    },
  },
  validation: {
    credit_code: '须为 18 位统一社会信用代码（数字和大写字母，不含 I、O、Z、S、V）',
    province_code: '须为 6 位省级行政区划代码（xx0000）',
    username: '小写字母开头，3–50 位小写字母、数字、_ . -',
    city_code: '须为浙江设区市的 6 位代码（33xx00）',
    major_code: '须为 4 位数字，可带 -序号（如 0104 或 0104-1）',
    origin_code: '须为 6 位行政区划代码',
  },
  sheet: {
    open_record: '打开记录（表单与修改记录）',
    add_row: '添加行', delete_rows: '删除所选', undo: '撤销', redo: '重做', fill_down: '向下填充', save: '保存', reload: '重新加载',
    columns: '列', reset_columns: '恢复默认列', totals: '合计', pending: '%{smart_count} 行未保存',
    problem_cell: '第 %{row} 行「%{field}」：%{message}', problem_row: '第 %{row} 行：%{message}',
    keys: {
      add: '在末尾添加一行', delete: '删除勾选的行（已保存的行在保存时删除）', undo: '撤销 Ctrl+Z', redo: '重做 Ctrl+Y',
      fill: '把选区第一行向下填充 Ctrl+D', save: '一次保存全部修改（全部成功或全部不写入）',
    },
    grid: { no_rows: '没有数据', loading: '加载中…' },
    errors: {
      stages: '须写作“浙江2+合作省1”：地点加年数，用 + 连接', 
      number: '须为数字', integer: '须为整数', date: '须为日期（如 2024-03-31）', boolean: '须为“是”或“否”',
      enum: '无法识别的选项：%{value}', reference: '找不到：%{value}', ambiguous: '有多个同名项：%{value}',
    },
    notify: {
      saved: '已保存 %{smart_count} 行', nothing_to_save: '没有需要保存的修改', fix_errors: '请先改正标红的单元格再保存',
    },
    conflict: {
      title: '数据已被他人修改', body: '您保存之前，已有其他人修改了其中的数据，系统保留了对方的修改。重新加载可查看最新数据（您未保存的修改将被放弃）。',
      reload: '重新加载', keep: '暂不处理',
    },
    import: {
      button: '导入', title: '导入预览（%{count} 行）', line: '行号', problems: '问题', save: '导入并保存 %{count} 行',
      saved: '已导入 %{smart_count} 行', has_errors: '%{count} 行有错误，请修改文件后重新导入；不会写入任何数据。',
      ready: '%{count} 行检查通过，保存时将一次全部写入（任何一行被拒绝则全部不写入）。',
      unknown_headers: '以下列名无法识别，将被忽略：%{headers}', unreadable: '无法读取文件：%{message}',
    },
    export: { button: '导出', xlsx: '导出 Excel（.xlsx）', csv: '导出 CSV' },
  },
  tasks: { title: '待办与提醒', none: '暂无待办事项', mark_all_read: '全部标为已读', unread: '未读', raised_on: '提醒日期', due_on: '截止日期' },
  task_table: {
    title: '任务表（分阶段任务完成情况）', city: '设区市', province: '全省合计', year: '%{year}年', campaign: '2023–2027 五年合计',
    target: '任务', planned: '计划', enrolled: '实招', completion: '完成率', edit_targets: '修改任务数', saved: '任务数已保存',
  },
  dashboard: {
    title: '工作台', year: '年度', progress: '各年度任务完成情况（全省）', by_city: '%{year}年各设区市任务与实招', level_mix: '培养层次结构：高级工及以上占比趋势',
    advanced_share: '高级工及以上占比', source_mix: '%{year}年生源构成（左：招生对象；右：生源地）', source_note: '学制教育 %{enrolled} 人，省外生源占 %{share}；技能培训 %{training} 人另计',
    origins: { IN_CITY: '本市生源', OTHER_ZHEJIANG_CITY: '省内其他设区市', OTHER_PROVINCE: '省外生源' },
    students: '学生数', partnerships: '%{year}年校企合作项目数（按合作形式）', ranking: '%{year}年设区市排名', no_data: '暂无数据',
    columns: { rank: '名次', city: '设区市', target: '任务', enrolled: '实招', completion: '完成率', advanced_share: '高级工及以上占比' },
  },
  stages: { short: { PARTNER: '合作省', ZHEJIANG: '浙江', WORK: '工作' }, where: '培养地点', years: '年数' },
  history: { title: '修改记录', none: '暂无修改记录', empty: '（空）' },
  workflow: {
    submit: '提交', approve: '下达', file: '备案', return: '退回', reason: '退回理由', return_title: '退回 %{smart_count} 行计划',
    done: '已%{step} %{smart_count} 行计划', none_selected: '请先勾选要操作的计划行',
  },
  adjustment: {
    request: '申请调整', decide: '审批', requested: '调整申请已提交', decided: '已审批 %{smart_count} 项申请', some_refused: '已审批 %{smart_count} 项，其余被拒绝（见标红的行）',
    none_pending: '请先勾选待审批的申请', current_seats: '当前计划人数：%{seats}', locked_only: '只能调整已下达或已备案的计划',
  },
  summary: { submit: '报送', submitted: '已报送 %{smart_count} 份总结' },
};
