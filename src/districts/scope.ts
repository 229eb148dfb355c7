// Root lists of district data are narrowed by state and district the same way everywhere.
import { builder } from '../graphql/builder.js';
import { parseDistrictAgs } from '../rules/districtKeys.js';
import { StateCode } from '../states/types.js';

export const AreaFilter = builder.inputType('AreaFilter', {
  description: 'Restrict a list to one state or one district.',
  fields: (t) => ({
    state: t.field({ type: StateCode, description: 'Only data of districts in this state.' }),
    district: t.string({ description: 'Only data of the district with this AGS, e.g. "16065".' }),
  }),
});

export interface Area {
  state?: string | null;
  district?: string | null;
}

/** Prisma condition on a model with a district relation. */
export function inArea(area: Area | null | undefined) {
  return {
    ...(area?.district ? { districtId: parseDistrictAgs(area.district, 'area.district') } : {}),
    ...(area?.state ? { district: { stateId: area.state } } : {}),
  };
}
