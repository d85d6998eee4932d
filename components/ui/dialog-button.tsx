"use client";
// A button that opens a dialog afresh every time: each opening remounts the dialog (a new key), so
// what was typed, chosen or shown once last time (a secret, a token) is gone.
import { Fragment, useState } from "react";
import { Button } from "@/components/ui/button";

type TDialogButtonProps = Omit<React.ComponentProps<typeof Button>, "onClick"> & {
  renderDialog: (state: { isOpen: boolean; onClose: () => void }) => React.ReactNode;
};

export function DialogButton({ renderDialog, ...buttonProps }: TDialogButtonProps) {
  const [isOpen, setIsOpen] = useState(false);
  const [openCount, setOpenCount] = useState(0);
  return (
    <>
      <Button
        {...buttonProps}
        onClick={() => {
          setOpenCount(openCount + 1);
          setIsOpen(true);
        }}
      />
      <Fragment key={openCount}>{renderDialog({ isOpen, onClose: () => setIsOpen(false) })}</Fragment>
    </>
  );
}
