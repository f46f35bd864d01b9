import { Kind, type DefinitionNode } from 'graphql';

/** A description names the Chinese term in parentheses, e.g. "Fine in 10,000 yuan (罚款金额，万元)". */
export const CHINESE_TERM = /\([^()]*[\u3400-\u9fff][^()]*\)/;

/** Names of the types, fields, arguments and enum values of an SDL document without a description naming the Chinese term. */
export function undescribed(definitions: readonly DefinitionNode[]): string[] {
  const missing: string[] = [];
  const check = (name: string, description?: { value: string }) => {
    if (!description || !CHINESE_TERM.test(description.value)) missing.push(name);
  };
  for (const def of definitions) {
    if (def.kind === Kind.OBJECT_TYPE_DEFINITION || def.kind === Kind.ENUM_TYPE_DEFINITION || def.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION) {
      check(def.name.value, def.description);
    }
    if (def.kind === Kind.OBJECT_TYPE_DEFINITION || def.kind === Kind.OBJECT_TYPE_EXTENSION) {
      for (const field of def.fields ?? []) {
        check(`${def.name.value}.${field.name.value}`, field.description);
        for (const arg of field.arguments ?? []) check(`${def.name.value}.${field.name.value}(${arg.name.value})`, arg.description);
      }
    }
    if (def.kind === Kind.ENUM_TYPE_DEFINITION) {
      for (const value of def.values ?? []) check(`${def.name.value}.${value.name.value}`, value.description);
    }
  }
  return missing;
}
