import { FieldResolver, Resolver, Root } from 'type-graphql';
import { CrossRegionAgreement } from './cross-region.entity.js';
import { modelOf, type Stage } from './stages.js';

@Resolver(() => CrossRegionAgreement)
export class CrossRegionModelResolver {
  @FieldResolver(() => String, { description: 'The model as the notice writes it: "2+1", "1+1+1"' })
  model(@Root() agreement: { stages: Stage[] }): string {
    return modelOf(agreement.stages);
  }
}
