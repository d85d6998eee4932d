import { CONTROL_CLASS } from "@/components/ui/input";

export function Select({ className = "", ...props }: React.ComponentProps<"select">) {
  return <select className={`${CONTROL_CLASS} h-8 pr-8 ${className}`} {...props} />;
}
