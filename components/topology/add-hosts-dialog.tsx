"use client";
// Put hosts into a module: tick hosts this business already has, and/or type addresses of others
// (one per line; a host the topology does not know yet is created). "Add" keeps their other ordinary
// modules, "Move" makes this their only module. A host of another business is refused by the server,
// which names that business.
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { ErrorNotice } from "@/components/ui/notice";
import { stripBase } from "@/components/topology/refusal-notice";
import { useLang, useT } from "@/lib/client/i18n/lang-context";
import { useToast } from "@/lib/client/toast";
import { showPlacementLabels } from "@/lib/client/topology/idle-pool-names";
import { usePlaceHosts } from "@/lib/client/topology/mutations";
import { isIpv4 } from "@/lib/topology/host-identity";
import type { THostView } from "@/lib/topology/list-hosts";

type TProps = { bizId: number; moduleId: number; moduleLabel: string; businessHosts: THostView[]; onClose: () => void };

export function AddHostsDialog({ bizId, moduleId, moduleLabel, businessHosts, onClose }: TProps) {
  const t = useT();
  const { lang } = useLang();
  const id = useId();
  const { showToast } = useToast();
  const place = usePlaceHosts(bizId);
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [filter, setFilter] = useState("");
  const [ipText, setIpText] = useState("");
  const [cloudId, setCloudId] = useState("0");
  const [mode, setMode] = useState<"add" | "move">("add");
  const [problem, setProblem] = useState<string | null>(null);

  const candidates = businessHosts.filter((host) => !host.moduleIds.includes(moduleId));
  const shown = candidates.filter((host) => host.ip.includes(filter.trim()) || host.hostName.includes(filter.trim()));
  const typed = ipText
    .split(/[\s,;]+/)
    .map((ip) => ip.trim())
    .filter(Boolean);
  const total = chosen.size + typed.length;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const bad = typed.filter((ip) => !isIpv4(ip));
    if (bad.length) return setProblem(t("topoBadIps", { ips: bad.slice(0, 5).join(", ") }));
    if (!/^\d{1,10}$/.test(cloudId.trim())) return setProblem(t("topoBadCloud"));
    if (!total) return setProblem(t("topoChooseHosts"));
    setProblem(null);
    place.mutate(
      { moduleId, hostIds: [...chosen], hosts: typed.map((ip) => ({ ip, cloudId: Number(cloudId.trim()) })), mode },
      {
        onSuccess: (result) => {
          showToast(t("topoPlaced", { count: result.moved, module: moduleLabel }));
          onClose();
        },
      },
    );
  };

  return (
    <Dialog
      isOpen
      wide
      onClose={onClose}
      title={t("topoAddHostsTo", { module: moduleLabel })}
      closeLabel={t("close")}
      footer={
        <>
          <Button onClick={onClose}>{t("cancel")}</Button>
          <Button variant="primary" type="submit" form={`${id}-form`} disabled={place.isPending}>
            {place.isPending ? t("topoWorking") : total ? t("topoPutHosts", { count: total }) : t("topoAddHosts")}
          </Button>
        </>
      }
    >
      <form id={`${id}-form`} className="space-y-4" onSubmit={submit} noValidate>
        <fieldset className="space-y-2">
          <legend className="text-xs font-semibold text-slate-700 dark:text-slate-300">{t("topoHostsOfBusiness")}</legend>
          {candidates.length === 0 ? (
            <p className="text-xs text-slate-500 dark:text-slate-400">{t("topoNoOtherHosts")}</p>
          ) : (
            <>
              <Input type="search" className="w-56!" value={filter} placeholder={t("topoFilterHosts")} aria-label={t("topoFilterHosts")} onChange={(event) => setFilter(event.target.value)} />
              <ul className="max-h-48 space-y-0.5 overflow-y-auto rounded-md border border-slate-200 p-1 dark:border-slate-700">
                {shown.map((host) => (
                  <li key={host.hostId}>
                    <label className="flex items-center gap-2 rounded px-2 py-1 text-sm hover:bg-slate-50 dark:hover:bg-slate-800">
                      <Checkbox
                        checked={chosen.has(host.hostId)}
                        onChange={(event) => {
                          const next = new Set(chosen);
                          if (event.target.checked) next.add(host.hostId);
                          else next.delete(host.hostId);
                          setChosen(next);
                        }}
                      />
                      <span className="font-mono text-xs">{host.ip}</span>
                      <span className="truncate text-xs text-slate-500 dark:text-slate-400">{showPlacementLabels(lang, host.modules)}</span>
                    </label>
                  </li>
                ))}
              </ul>
            </>
          )}
        </fieldset>

        <div className="grid gap-3 sm:grid-cols-[1fr_8rem]">
          <Field id={`${id}-ips`} label={t("topoOtherHostsByIp")} help={t("topoOtherHostsByIpHelp")}>
            {(describedBy) => <Textarea id={`${id}-ips`} rows={3} className="font-mono" value={ipText} placeholder={"10.0.0.5\n10.0.0.6"} aria-describedby={describedBy} onChange={(event) => setIpText(event.target.value)} />}
          </Field>
          <Field id={`${id}-cloud`} label={t("cloudColumn")}>
            {(describedBy) => <Input id={`${id}-cloud`} inputMode="numeric" value={cloudId} aria-describedby={describedBy} onChange={(event) => setCloudId(event.target.value)} />}
          </Field>
        </div>

        <fieldset className="space-y-1">
          <legend className="text-xs font-semibold text-slate-700 dark:text-slate-300">{t("topoPlacementMode")}</legend>
          {(["add", "move"] as const).map((option) => (
            <label key={option} className="flex items-start gap-2 text-sm">
              <input type="radio" name={`${id}-mode`} className="mt-1 accent-blue-600" checked={mode === option} onChange={() => setMode(option)} />
              <span>
                {t(option === "add" ? "topoModeAdd" : "topoModeMove")}
                <span className="block text-xs text-slate-500 dark:text-slate-400">{t(option === "add" ? "topoModeAddHint" : "topoModeMoveHint")}</span>
              </span>
            </label>
          ))}
        </fieldset>

        {problem && <ErrorNotice title={problem} />}
        {place.isError && <ErrorNotice title={t("topoPlaceRefused")} message={stripBase(place.error.message)} />}
      </form>
    </Dialog>
  );
}
