// Where the comparison's datasets are served as spreadsheets (src/http/spreadsheets.ts), with
// the comparison's own scope in the address.
export const exportDatasets = ['districts', 'fields-of-action', 'tasks', 'programmes', 'roles', 'indicators'] as const;
export type ExportDataset = (typeof exportDatasets)[number];

export interface ExportScope {
  state: string | null;
  asOf?: Date | null;
  districts?: { id: string }[];
}

export function datasetUrls(origin: string, dataset: ExportDataset, scope: ExportScope) {
  const query = new URLSearchParams();
  if (scope.state) query.set('state', scope.state);
  else if (scope.districts) query.set('districts', scope.districts.map((district) => district.id).join(','));
  if (scope.asOf) query.set('asOf', scope.asOf.toISOString().slice(0, 10));
  const suffix = query.size ? `?${query}` : '';
  return { dataset, csv: `${origin}/export/${dataset}.csv${suffix}`, xlsx: `${origin}/export/${dataset}.xlsx${suffix}` };
}
