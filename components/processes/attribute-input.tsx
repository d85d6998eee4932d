"use client";
// One attribute's control, chosen by its metadata type: enum and bool pickers, number and text inputs.
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useLang, useT } from "@/lib/client/i18n/lang-context";
import { attributeLabel } from "@/lib/client/processes/format-attribute";
import type { TAttribute } from "@/lib/processes/attribute-metadata";

type TAttributeInputProps = { attribute: TAttribute; idPrefix: string; value: string; error?: string; onChange: (value: string) => void };

export function AttributeInput({ attribute, idPrefix, value, error, onChange }: TAttributeInputProps) {
  const t = useT();
  const { lang } = useLang();
  const id = `${idPrefix}-${attribute.id}`;
  return (
    <Field id={id} label={attributeLabel(attribute, lang)} isRequired={attribute.isRequired} requiredLabel={t("requiredMark")} help={helpOf(attribute, lang, t)} error={error}>
      {(describedBy, isInvalid) => {
        const common = { id, name: attribute.id, "aria-describedby": describedBy, "aria-invalid": isInvalid || undefined, "aria-required": attribute.isRequired || undefined };
        if (attribute.type === "enum" || attribute.type === "bool") {
          const options = attribute.type === "bool" ? [{ id: "true", label: t("yes") }, { id: "false", label: t("no") }] : (attribute.options ?? []).map((option) => ({ id: option.id, label: option.name[lang] }));
          return (
            <Select {...common} value={value} onChange={(event) => onChange(event.target.value)}>
              <option value="">{t("chooseOption")}</option>
              {options.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.label}
                </option>
              ))}
            </Select>
          );
        }
        return (
          <Input
            {...common}
            value={value}
            inputMode={attribute.type === "int" ? "numeric" : undefined}
            className={attribute.type === "longchar" || attribute.id === "port" ? "font-mono text-xs" : ""}
            spellCheck={attribute.type === "longchar" ? false : undefined}
            autoComplete="off"
            onChange={(event) => onChange(event.target.value)}
          />
        );
      }}
    </Field>
  );
}

function helpOf(attribute: TAttribute, lang: "en" | "zh", t: ReturnType<typeof useT>): string | undefined {
  if (attribute.id === "port") return t("portSyntax");
  const range = attribute.type === "int" && attribute.min !== undefined ? t("intRange", { min: attribute.min, max: attribute.max ?? "" }) : undefined;
  return [attribute.help?.[lang], range].filter(Boolean).join(" · ") || undefined;
}
