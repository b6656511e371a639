import type { Me } from './api/session';

/**
 * The navigation, as data. Each entry names its page, who sees it, and whether the page exists
 * yet: an entry with `ready: false` is never linked. A new page flips its entry to ready and adds
 * its route in routes.tsx.
 */
export interface NavItem {
  id: string;
  /** i18n key of the label. */
  label: string;
  to: string;
  ready: boolean;
  show: (user: Me) => boolean;
}

const customer = (u: Me) => u.role === 'customer';
const staff = (u: Me) => u.role !== 'customer';
const admin = (u: Me) => u.role === 'admin';
const everyone = () => true;

export const navigation: NavItem[] = [
  { id: 'home', label: 'nav.home', to: '/', ready: true, show: everyone },
  { id: 'tickets', label: 'nav.tickets', to: '/tickets', ready: true, show: customer },
  { id: 'newTicket', label: 'nav.newTicket', to: '/tickets/new', ready: true, show: customer },
  { id: 'escalation', label: 'nav.escalation', to: '/escalation', ready: true, show: customer },
  { id: 'help', label: 'nav.help', to: '/help', ready: true, show: customer },
  // Only for customers whose company holds an active Flex contract.
  {
    id: 'flex',
    label: 'nav.flex',
    to: '/flex',
    ready: true,
    show: (u) => customer(u) && u.hasFlex,
  },
  { id: 'queues', label: 'nav.queues', to: '/queues', ready: true, show: staff },
  { id: 'dashboard', label: 'nav.dashboard', to: '/dashboard', ready: true, show: staff },
  { id: 'cannedAnswers', label: 'nav.cannedAnswers', to: '/staff/canned-answers', ready: true, show: staff },
  { id: 'admin', label: 'nav.admin', to: '/admin', ready: true, show: admin },
  {
    id: 'accountRequests',
    label: 'nav.accountRequests',
    to: '/account-requests',
    ready: true,
    show: (u) => staff(u) || u.isManager,
  },
  { id: 'profile', label: 'nav.profile', to: '/profile', ready: true, show: everyone },
];

/** The entries a user sees: pages that exist and concern them. */
export function navigationFor(user: Me, items: NavItem[] = navigation): NavItem[] {
  return items.filter((item) => item.ready && item.show(user));
}
