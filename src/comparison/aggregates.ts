// Per state, the districts compared in numbers: computed from the same matrices a client reads,
// so a total always agrees with its rows.
import { db } from '../db/client.js';
import type { FundingProgramme, Role, State } from '../generated/prisma/client.js';
import { fieldsOfActionMatrix, indicatorsMatrix, programmesMatrix, rolesMatrix } from './matrices.js';
import { type Comparison, once } from './scope.js';

/** One state's districts in numbers. */
export interface StateFigures {
  state: State;
  districts: number;
  districtsWithData: number;
  districtsWithConcept: number;
  districtsWithAdoptedConcept: number;
  filledRoles: { key: Role; districts: number }[];
  programmes: { key: FundingProgramme; districts: number }[];
}

export async function stateAggregates(comparison: Comparison): Promise<StateFigures[]> {
  const [concepts, roles, programmes, indicators, states] = await Promise.all([
    once(comparison, 'fieldsOfAction', () => fieldsOfActionMatrix(comparison)),
    once(comparison, 'roles', () => rolesMatrix(comparison)),
    once(comparison, 'programmes', () => programmesMatrix(comparison)),
    once(comparison, 'indicators', () => indicatorsMatrix(comparison)),
    db().state.findMany({
      where: { id: { in: [...new Set(comparison.districts.map((district) => district.stateId))] } },
      orderBy: { id: 'asc' },
    }),
  ]);
  return states.map((state) => {
    const inState = <R extends { district: { stateId: string } }>(rows: R[]) => rows.filter((row) => row.district.stateId === state.id);
    const conceptRows = inState(concepts.rows);
    const withData = new Set(
      [conceptRows, inState(roles.rows), inState(programmes.rows), inState(indicators.rows)]
        .flat()
        .filter((row) => row.hasData)
        .map((row) => row.district.id),
    );
    return {
      state,
      districts: conceptRows.length,
      districtsWithData: withData.size,
      districtsWithConcept: conceptRows.filter((row) => row.hasData).length,
      districtsWithAdoptedConcept: conceptRows.filter((row) => row.cells[0]?.concept?.adoptedOn).length,
      filledRoles: roles.columns.map((role, index) => ({
        key: role,
        districts: inState(roles.rows).filter((row) => row.cells[index]!.filled).length,
      })),
      programmes: programmes.columns.map((programme, index) => ({
        key: programme,
        districts: inState(programmes.rows).filter((row) => row.cells[index]!.fundings.length > 0).length,
      })),
    };
  });
}
