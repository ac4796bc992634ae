import { Kind, visit, type ConstDirectiveNode, type DocumentNode } from 'graphql';

type Directed = { directives?: readonly ConstDirectiveNode[] };

const tagged = (node: Directed, tag: string) =>
  (node.directives ?? []).some((d) => d.name.value === 'tag' && d.arguments?.some((a) => a.value.kind === Kind.STRING && a.value.value === tag));
const inaccessible: ConstDirectiveNode = { kind: Kind.DIRECTIVE, name: { kind: Kind.NAME, value: 'inaccessible' } };
const hidden = <T extends Directed>(node: T): T =>
  (node.directives ?? []).some((d) => d.name.value === 'inaccessible') ? node : { ...node, directives: [...(node.directives ?? []), inaccessible] };

/**
 * A subgraph's SDL filtered the way GraphOS builds a contract variant from tags: an object field is in
 * the contract when it or its type carries the included tag and it does not carry the excluded one;
 * arguments and input fields with the excluded tag leave; a type left without fields leaves with them
 * (the mutation root as a whole). What leaves is marked @inaccessible, so composition checks the rest.
 */
export function contractOf(document: DocumentNode, { include, exclude }: { include: string; exclude: string }): DocumentNode {
  return visit(document, {
    ObjectTypeDefinition(node) {
      const typeIncluded = tagged(node, include);
      const fields = node.fields?.map((field) => {
        const kept = (typeIncluded || tagged(field, include)) && !tagged(field, exclude);
        if (!kept) return hidden(field);
        return { ...field, arguments: field.arguments?.map((arg) => (tagged(arg, exclude) ? hidden(arg) : arg)) };
      });
      if (!fields?.some((field) => !field.directives?.some((d) => d.name.value === 'inaccessible'))) {
        return node.name.value === 'Mutation' ? null : hidden(node);
      }
      return { ...node, fields };
    },
    InputObjectTypeDefinition(node) {
      return { ...node, fields: node.fields?.map((field) => (tagged(field, exclude) ? hidden(field) : field)) };
    },
  });
}
