import { Modal, type ModalProps } from '@mantine/core';
import { useState } from 'react';

/**
 * A dialog that joins the page the first time it opens, and stays for its closing animation and any
 * later opening. A closed `Modal` is otherwise rendered with the page: its provider, portal and
 * transition, a portal node in the document, and a second render once the portal mounts
 * (web/mantine-build.ts keeps that one out of the first commit), all for a dialog nobody opened.
 */
export function ModalOnceOpened(props: ModalProps) {
  const [opened, setOpened] = useState(props.opened);
  // Derived from the prop during render, as React recommends over an effect (one render, not two).
  if (props.opened && !opened) setOpened(true);
  return opened ? <Modal {...props} /> : null;
}
