export default function HomePage() {
  return (
    <main className="mx-auto max-w-3xl p-8">
      <h1 className="text-2xl font-semibold">Procdeck</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">The console is on its way; the CMDB process API is served under /api/v3/proc.</p>
    </main>
  );
}
