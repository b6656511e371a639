import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Dovecot {
  port: number;
  user: string;
  password: string;
  url: string;
  stop(): Promise<void>;
}

const binary = '/usr/sbin/dovecot';

/**
 * A private Dovecot IMAP server for one test file: its own configuration, mail and runtime folders
 * in a temporary directory, listening on a free loopback port, plain-text login allowed (loopback
 * only). CI installs the package with .ci/setup-services; without it the test fails and says so.
 */
export async function startDovecot(): Promise<Dovecot> {
  try {
    execFileSync(binary, ['--version'], { stdio: 'ignore' });
  } catch {
    throw new Error(
      'Dovecot is not installed: run .ci/setup-services (apt-get install -y dovecot-imapd) first.',
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'guichet-dovecot-'));
  const port = await freePort();
  const user = 'support';
  const password = 'imap-test-password';
  for (const sub of ['run', 'state', 'home']) mkdirSync(join(dir, sub), { recursive: true });
  writeFileSync(join(dir, 'passwd'), `${user}:{PLAIN}${password}::::::\n`);
  const uid = process.getuid?.() ?? 0;
  const gid = process.getgid?.() ?? 0;
  // Dovecot refuses to run its login and internal processes as root: as root, use the package's
  // unprivileged users; otherwise everything runs as the current user.
  const self = execFileSync('id', ['-un']).toString().trim();
  const asRoot = uid === 0;
  const login = asRoot ? existingUser('dovenull') : self;
  const internal = asRoot ? existingUser('dovecot') : self;
  chmodSync(dir, 0o755);
  // Mail is stored as an unprivileged user too (Dovecot refuses uid 0 for mail).
  const mailUid = asRoot ? Number(execFileSync('id', ['-u', 'nobody']).toString().trim()) : uid;
  const mailGid = asRoot ? Number(execFileSync('id', ['-g', 'nobody']).toString().trim()) : gid;
  chownSync(join(dir, 'home'), mailUid, mailGid);
  writeFileSync(
    join(dir, 'dovecot.conf'),
    `
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
info_log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = ${internal}
default_login_user = ${login}
first_valid_uid = ${mailUid}
first_valid_gid = ${mailGid}
mail_location = maildir:${dir}/home/%u/Maildir
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = static
  args = uid=${mailUid} gid=${mailGid} home=${dir}/home/%u
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
service stats {
  unix_listener stats-reader {
    mode = 0666
  }
  unix_listener stats-writer {
    mode = 0666
  }
}
`,
  );
  const child: ChildProcess = spawn(binary, ['-F', '-c', join(dir, 'dovecot.conf')], { stdio: 'ignore' });
  await waitForPort(port, child, dir);
  return {
    port,
    user,
    password,
    url: `imap://${user}:${password}@127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function existingUser(name: string): string {
  try {
    execFileSync('id', [name], { stdio: 'ignore' });
    return name;
  } catch {
    return 'nobody';
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, dir: string): Promise<void> {
  const { connect } = await import('node:net');
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (child.exitCode !== null) break;
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  let log = '';
  try {
    log = execFileSync('cat', [join(dir, 'dovecot.log')]).toString();
  } catch {
    // no log written
  }
  throw new Error(`Dovecot did not start on 127.0.0.1:${port}.\n${log}`);
}
