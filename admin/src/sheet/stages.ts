import type { Translate } from './coerce';

/** One stage of a cross-region training model: where the students are, for how many whole years. */
export interface Stage {
  where: string;
  years: number;
}

export const STAGE_PLACES = ['PARTNER', 'ZHEJIANG', 'WORK'];

/** `浙江2+合作省1`: the stages as one cell reads and is typed. */
export function stagesText(stages: Stage[], t: Translate): string {
  return stages.map((s) => `${t(`stages.short.${s.where}`, { _: s.where })}${s.years}`).join('+');
}

/** Reads `浙江2+合作省1` (short or full labels, either language, or the enum names); undefined when unreadable. */
export function parseStages(text: string, t: Translate, labelsOf: (key: string) => string[]): Stage[] | undefined {
  const stages: Stage[] = [];
  for (const part of text.split(/[+＋]/)) {
    const match = /^\s*(\D+?)\s*(\d+)\s*年?\s*$/.exec(part);
    if (!match) return undefined;
    const name = match[1]!.trim().toLowerCase();
    const where = STAGE_PLACES.find((place) =>
      [place, t(`stages.short.${place}`), t(`enums.StageWhere.${place}`), ...labelsOf(`stages.short.${place}`), ...labelsOf(`enums.StageWhere.${place}`)].some(
        (label) => label.toLowerCase() === name,
      ),
    );
    if (!where) return undefined;
    stages.push({ where, years: Number(match[2]) });
  }
  return stages;
}
