import { type Started, startProgram } from './processes';

/** The repository's sample configuration: the topology test runs this very file. */
export const sampleConfig = 'deploy/haproxy.cfg';

export interface BalancerAddresses {
  bind: string;
  stats: string;
  web: [string, string, string];
}

/** HAProxy in the foreground (`-db`) on the sample configuration, its addresses from the environment. */
export function startHaproxy(addresses: BalancerAddresses): Started {
  return startProgram('haproxy', '/usr/sbin/haproxy', ['-db', '-f', sampleConfig], {
    GUICHET_BIND: addresses.bind,
    GUICHET_STATS_BIND: addresses.stats,
    GUICHET_WEB1: addresses.web[0],
    GUICHET_WEB2: addresses.web[1],
    GUICHET_WEB3: addresses.web[2],
  });
}

/** One server's line of HAProxy's statistics (the fields the test reads). */
export interface ServerStats {
  name: string;
  status: string;
  /** Requests sent to it. */
  sessions: number;
  /** Answers HAProxy gave with 5xx on its behalf or passed on from it. */
  http5xx: number;
  /** Connections to it that failed, and answers that never came or broke off. */
  connectionErrors: number;
  responseErrors: number;
  /** Requests retried on it, or moved from it to another server. */
  retries: number;
  redispatches: number;
}

/** The backend's servers as HAProxy's CSV statistics (`/stats;csv`) describe them now. */
export async function backendStats(statsBase: string, backend = 'web'): Promise<ServerStats[]> {
  const response = await fetch(`${statsBase}/stats;csv`);
  if (response.status !== 200) throw new Error(`HAProxy statistics answered ${response.status}`);
  const [header = '', ...lines] = (await response.text()).trim().split('\n');
  const columns = header.replace(/^# /, '').split(',');
  const at = (cells: string[], name: string) => cells[columns.indexOf(name)] ?? '';
  const count = (cells: string[], name: string) => Number(at(cells, name) || 0);
  return lines
    .map((line) => line.split(','))
    .filter(
      (cells) => at(cells, 'pxname') === backend && !['FRONTEND', 'BACKEND'].includes(at(cells, 'svname')),
    )
    .map((cells) => ({
      name: at(cells, 'svname'),
      status: at(cells, 'status'),
      sessions: count(cells, 'stot'),
      http5xx: count(cells, 'hrsp_5xx'),
      connectionErrors: count(cells, 'econ'),
      responseErrors: count(cells, 'eresp'),
      retries: count(cells, 'wretr'),
      redispatches: count(cells, 'wredis'),
    }));
}
