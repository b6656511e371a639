import { Modal, type ModalProps } from '@mantine/core';
import { useState } from 'react';

/**
 * A dialog that joins the page the first time it opens, and stays for its closing animation and any
 * later opening. A closed `Modal` still mounts a portal whose layout effect renders it again right
 * after the page's first commit, synchronously: that pulls every effect of the new page into the
 * same long task, a freeze of a tenth of a second on a phone for a dialog nobody opened yet.
 */
export function ModalOnceOpened(props: ModalProps) {
  const [opened, setOpened] = useState(props.opened);
  // Derived from the prop during render, as React recommends over an effect (one render, not two).
  if (props.opened && !opened) setOpened(true);
  return opened ? <Modal {...props} /> : null;
}
