// Console text for role-aware controls and permission notices, in English and Chinese.
import type { TLocalText } from "@/lib/core/i18n";

export const ROLES_MESSAGES = {
  // the role badge next to the business switcher
  myRoleViewer: { en: "Viewer", zh: "查看者" },
  myRoleOperator: { en: "Operator", zh: "操作员" },
  myRoleAdmin: { en: "Admin", zh: "管理员" },
  myRoleGlobalAdmin: { en: "Global admin", zh: "全局管理员" },
  myRoleTitle: { en: "Your role in this business: {role}", zh: "你在该业务中的角色：{role}" },

  // header navigation beyond one business
  headerTopology: { en: "Topology", zh: "拓扑" },
  headerAudit: { en: "Audit", zh: "审计" },
  headerConsoleNav: { en: "Console", zh: "控制台" },
  headerAdminNav: { en: "Administration", zh: "系统管理" },
  headerAdminCaption: { en: "Admin", zh: "管理" },
  headerAdminUsers: { en: "Users", zh: "用户" },
  headerAdminApps: { en: "Apps", zh: "应用" },
  headerAdminBusinesses: { en: "Businesses", zh: "业务" },
  headerAccountTitle: { en: "Your account ({name})", zh: "我的账号（{name}）" },

  // no role anywhere
  noRoleTitle: { en: "You have no role in any business yet", zh: "你还没有任何业务的角色" },
  noRoleBody: {
    en: "Processes belong to businesses, and you can only see those you hold a role in. Ask an administrator to give you a role (viewer, operator or admin) in a business.",
    zh: "进程归属于业务，你只能看到自己拥有角色的业务。请联系管理员为你分配某个业务的角色（查看者、操作员或管理员）。",
  },
  noBusinessAdminBody: {
    en: "Processes belong to a business, and none exists yet. Create one under Admin → Businesses, or start Procdeck with PROCDECK_DEMO=1 to load the demo business.",
    zh: "进程归属于业务，而当前还没有任何业务。可在“管理 → 业务”中创建，或使用 PROCDECK_DEMO=1 启动以载入演示业务。",
  },
  noBusinessAdminAction: { en: "Create a business", zh: "创建业务" },

  // a page that only exists to write, opened without the role for it
  needAdminTitle: { en: "You need the admin role in this business", zh: "你需要该业务的管理员角色" },
  needRoleCurrent: {
    en: "Your role in {business} is {role}: you can look at its processes but not create, edit or delete them.",
    zh: "你在 {business} 中的角色是{role}：可以查看其进程，但不能新建、编辑或删除。",
  },
  needRoleAsk: { en: "Ask an administrator for the admin role if you need to change processes here.", zh: "如需修改这里的进程，请联系管理员为你分配管理员角色。" },
  backToProcess: { en: "Back to the process", zh: "返回进程" },

  // read-only variants of write controls
  readOnlyBusiness: { en: "Read only: changing processes needs the admin role", zh: "只读：修改进程需要管理员角色" },
  emptyBusinessReadOnlyHint: { en: "An admin of this business can create them.", zh: "该业务的管理员可以创建进程。" },
  bindingsReadOnly: { en: "Only admins of this business can change bindings.", zh: "只有该业务的管理员可以修改绑定。" },
} as const satisfies Record<string, TLocalText>;
