import { raChinese } from './ra-zh-CN';

/** Chinese, the default language. Every key English has must exist here (i18n.test.ts). */
export const zhCN = {
  ...raChinese,
  app: {
    title: '浙江省技工院校招生五年行动',
    language: '语言',
    languages: { 'zh-CN': '中文', en: 'English' },
    menu: { dashboard: '工作台', task_table: '任务表' },
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
  },
  enums: {
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
    city_code: '须为浙江设区市的 6 位代码（33xx00）',
    major_code: '须为 4 位数字，可带 -序号（如 0104 或 0104-1）',
    origin_code: '须为 6 位行政区划代码',
  },
  sheet: {
    add_row: '添加行', delete_rows: '删除所选', undo: '撤销', redo: '重做', fill_down: '向下填充', save: '保存', reload: '重新加载',
    columns: '列', reset_columns: '恢复默认列', totals: '合计', pending: '%{smart_count} 行未保存',
    problem_cell: '第 %{row} 行「%{field}」：%{message}', problem_row: '第 %{row} 行：%{message}',
    keys: {
      add: '在末尾添加一行', delete: '删除勾选的行（已保存的行在保存时删除）', undo: '撤销 Ctrl+Z', redo: '重做 Ctrl+Y',
      fill: '把选区第一行向下填充 Ctrl+D', save: '一次保存全部修改（全部成功或全部不写入）',
    },
    grid: { no_rows: '没有数据', loading: '加载中…' },
    errors: {
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
  task_table: {
    title: '任务表（分阶段任务完成情况）', city: '设区市', province: '全省合计', target: '任务', planned: '计划', enrolled: '实招', completion: '完成率',
    waiting: '等待统计接口（campaignProgress）上线后显示完成情况；目前可查看和修改任务数。', edit_targets: '修改任务数', saved: '任务数已保存',
  },
  dashboard: {
    title: '工作台', progress: '各年度任务完成情况', by_city: '各设区市完成情况', level_mix: '高级工及以上占比趋势', source_mix: '生源构成',
    partnerships: '校企合作', waiting: '统计接口上线后显示', target: '任务', enrolled: '实招', share: '占比',
  },
};
