/** The six areas of the threat library, in the order the workshop lists them. */
export const THREAT_AREAS = {
  'joint-risk-assessment': 'Joint risk assessment',
  'data-handling-and-governance': 'Data handling and governance',
  'model-design': 'Model design',
  'monitoring-and-incident-response': 'Monitoring and incident response',
  'shared-tooling': 'Shared tooling',
  ethics: 'Ethics',
} as const;

export type ThreatArea = keyof typeof THREAT_AREAS;
export const AREA_IDS = Object.keys(THREAT_AREAS) as ThreatArea[];
