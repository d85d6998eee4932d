// Every console page: the header (business switcher with the user's role, navigation, language, user)
// around the page. The pages themselves redirect to /sign-in when there is no session (requirePageSession).
import { PasswordChangeNotice } from "@/components/account/password-change-notice";
import { AppHeader, type THeaderUser } from "@/components/console/app-header";
import { readPageSession } from "@/lib/access/read-page-session";

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const session = await readPageSession();
  const user: THeaderUser | null = session && {
    id: session.user.id,
    username: session.user.username,
    isGlobalAdmin: session.user.isGlobalAdmin,
    grants: [...session.principal.roles],
  };
  return (
    <>
      {user && <AppHeader user={user} />}
      <main id="main" className="mx-auto w-full max-w-[1600px] px-4 py-4 lg:px-6">
        {session?.user.mustChangePassword && <PasswordChangeNotice />}
        {children}
      </main>
    </>
  );
}
