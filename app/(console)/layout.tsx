// Every console page: the header (business switcher, language, user) around the page. The pages
// themselves redirect to /sign-in when there is no session (requirePageSession).
import { AppHeader } from "@/components/console/app-header";
import { readPageSession } from "@/lib/access/read-page-session";

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const session = await readPageSession();
  return (
    <>
      {session && <AppHeader username={session.user.username} />}
      <main id="main" className="mx-auto w-full max-w-[1600px] px-4 py-4 lg:px-6">
        {children}
      </main>
    </>
  );
}
