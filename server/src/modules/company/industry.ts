import { registerEnumType } from 'type-graphql';

/**
 * Industry of a company, after the notice's "围绕“415X”先进制造业集群、数字经济、现代农业和现代服务业":
 * the four world-class clusters of Zhejiang's 415X plan, its "X" emerging clusters, then the other three
 * fields the notice names. Extend by adding a value here and its labels in the admin's i18n files.
 */
export enum Industry {
  NEW_GENERATION_IT = 'NEW_GENERATION_IT',
  HIGH_END_EQUIPMENT = 'HIGH_END_EQUIPMENT',
  MODERN_CONSUMER_HEALTH = 'MODERN_CONSUMER_HEALTH',
  GREEN_PETROCHEMICAL_MATERIALS = 'GREEN_PETROCHEMICAL_MATERIALS',
  EMERGING_MANUFACTURING = 'EMERGING_MANUFACTURING',
  DIGITAL_ECONOMY = 'DIGITAL_ECONOMY',
  MODERN_AGRICULTURE = 'MODERN_AGRICULTURE',
  MODERN_SERVICES = 'MODERN_SERVICES',
  OTHER = 'OTHER',
}
registerEnumType(Industry, {
  name: 'Industry',
  description: '行业（“415X”先进制造业集群、数字经济、现代农业、现代服务业）',
  valuesConfig: {
    NEW_GENERATION_IT: { description: '“415X”新一代信息技术产业群' },
    HIGH_END_EQUIPMENT: { description: '“415X”高端装备产业群' },
    MODERN_CONSUMER_HEALTH: { description: '“415X”现代消费与健康产业群' },
    GREEN_PETROCHEMICAL_MATERIALS: { description: '“415X”绿色石化与新材料产业群' },
    EMERGING_MANUFACTURING: { description: '“415X”中的“X”：新星产业群' },
    DIGITAL_ECONOMY: { description: '数字经济' },
    MODERN_AGRICULTURE: { description: '现代农业' },
    MODERN_SERVICES: { description: '现代服务业' },
    OTHER: { description: '其他行业' },
  },
});
