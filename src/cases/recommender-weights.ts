import { existsSync, readFileSync } from 'node:fs';
import { DEFAULT_CRIMINAL_WEIGHTS, type CriminalWeights } from './criminal/criminal-recommender.js';
import { OFFENSE_FEATURES } from './criminal/offense-features.js';
import { DEFAULT_RECOMMENDER_WEIGHTS, type RecommenderWeights } from './provision-recommender.js';

/** The weights of both recommenders, as fitted by `npm run train-recommender`. */
export interface JudgeWeights {
  criminal: CriminalWeights;
  civil: RecommenderWeights;
}

export const DEFAULT_JUDGE_WEIGHTS: JudgeWeights = { criminal: DEFAULT_CRIMINAL_WEIGHTS, civil: DEFAULT_RECOMMENDER_WEIGHTS };

export const JUDGE_WEIGHTS_FILE = new URL('./recommender-weights.json', import.meta.url);

/** Fitted weights when the trained file is present, else the defaults. */
export function loadJudgeWeights(file: URL = JUDGE_WEIGHTS_FILE): JudgeWeights {
  if (!existsSync(file)) return DEFAULT_JUDGE_WEIGHTS;
  const json = JSON.parse(readFileSync(file, 'utf8')) as Partial<JudgeWeights>;
  return {
    criminal: { ...DEFAULT_CRIMINAL_WEIGHTS, ...json.criminal, features: { ...DEFAULT_CRIMINAL_WEIGHTS.features, ...json.criminal?.features } },
    civil: { ...DEFAULT_RECOMMENDER_WEIGHTS, ...json.civil },
  };
}

function product<T extends Record<string, number>>(axes: { [K in keyof T]: number[] }): T[] {
  let out: Partial<T>[] = [{}];
  for (const key of Object.keys(axes) as (keyof T)[]) out = out.flatMap((o) => axes[key].map((v) => ({ ...o, [key]: v })));
  return out as T[];
}

/** The criminal weights searched: every feature weight and the second-offense share. */
export function criminalGrid(): CriminalWeights[] {
  const features = product<Record<(typeof OFFENSE_FEATURES)[number], number>>({ named: [0, 1, 2, 4], name: [0, 0.5, 1, 2], definition: [0, 0.5, 1, 2], retrieval: [0, 0.5, 1, 2], figures: [0, 0.5, 1] });
  return features.filter((f) => OFFENSE_FEATURES.some((k) => f[k] > 0)).flatMap((f) => [0.75, 0.85, 0.95, 1.01].map((secondOffense) => ({ features: f, secondOffense })));
}

/** The civil weights searched. */
export function civilGrid(): RecommenderWeights[] {
  return product<{ neighbours: number; denseWeight: number; smoothing: number; lawWeight: number; lawRankScale: number; titleWeight: number }>({
    neighbours: [5, 10, 20],
    denseWeight: [0.25, 0.5, 0.75, 1],
    smoothing: [0.5, 2, 5],
    lawWeight: [0, 0.1, 0.2, 0.4],
    lawRankScale: [2, 5, 10],
    titleWeight: [0, 0.1, 0.2, 0.4],
  });
}
