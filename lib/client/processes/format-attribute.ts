// An attribute value as people read it: enum ids as their names, booleans as yes/no, unset as "—".
import { ATTRIBUTES_BY_ID, type TAttribute } from "@/lib/processes/attribute-metadata";
import { translateLoaded as translate } from "@/lib/client/i18n/loaded-messages";
import type { TLang } from "@/lib/core/i18n";

export function formatAttributeValue(attributeId: string, value: unknown, lang: TLang): string {
  if (value === null || value === undefined || value === "") return translate(lang, "notSet");
  const attribute = ATTRIBUTES_BY_ID.get(attributeId);
  if (attribute?.type === "bool" || typeof value === "boolean") return translate(lang, value === true ? "yes" : "no");
  if (attribute?.type === "enum") {
    const option = attribute.options?.find((candidate) => candidate.id === String(value));
    return option ? option.name[lang] : String(value);
  }
  return String(value);
}

/** A column's header: the attribute's name, or the console's own label for id and modules. */
export function columnLabel(column: string, lang: TLang): string {
  if (column === "bk_process_id") return translate(lang, "idColumn");
  if (column === "modules") return translate(lang, "modulesColumn");
  const attribute = ATTRIBUTES_BY_ID.get(column);
  return attribute ? attributeLabel(attribute, lang) : column;
}

/** An attribute's name as a label: BlueKing's English names are lower case ("bind ip"); labels start upper case. */
export function attributeLabel(attribute: TAttribute, lang: TLang): string {
  const name = attribute.name[lang];
  return lang === "en" ? name.charAt(0).toUpperCase() + name.slice(1) : name;
}
