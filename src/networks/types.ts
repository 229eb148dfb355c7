// Networks of actors (Netzwerke), of a district or state-wide, and the partners that accompany them.
import { builder } from '../graphql/builder.js';
import { ChangeTracked } from '../graphql/changeTracked.js';
import { Partner } from '../partners/types.js';

builder.prismaNode('Network', {
  description: 'A network of actors (Netzwerk) in a district or across a state, e.g. the ThILIK network of integration managers.',
  interfaces: [ChangeTracked],
  id: { field: 'id' },
  nullable: true,
  fields: (t) => ({
    name: t.exposeString('name'),
    description: t.exposeString('description', { nullable: true }),
    district: t.relation('district', { nullable: true, description: 'The district, for a district network.' }),
    state: t.relation('state', { nullable: true, description: 'The state, for a state-wide network.' }),
    supporters: t.field({
      type: [Partner],
      description: 'Partners that accompany the network (fachliche Begleitung).',
      select: { supporters: { select: { partner: true } } },
      resolve: (network) => network.supporters.map(({ partner }) => partner),
    }),
  }),
});

builder.prismaObjectField('District', 'networks', (t) => t.relation('networks', { description: 'Networks in the district.' }));
builder.prismaObjectField('State', 'networks', (t) => t.relation('networks', { description: 'State-wide networks.' }));
