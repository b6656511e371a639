import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, publicUrl } from './config';

describe('loadConfig', () => {
  it('runs on embedded defaults with an empty environment', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATA_DIR).toBe('./data');
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.SEED_DEMO).toBe(true);
    expect(publicUrl(config)).toBe('http://localhost:3000');
  });

  it('lists every problem at once', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', SMTP_URL: 'http://mail', SEED_DEMO: 'maybe' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      for (const name of ['PORT', 'DATABASE_URL', 'SMTP_URL', 'SEED_DEMO']) expect(problems).toContain(name);
    }
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).PORT).toBe(3000);
  });

  it('trusts no proxy unless TRUST_PROXY lists them, and refuses what is not an address', () => {
    expect(loadConfig({}).TRUST_PROXY).toEqual([]);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.5, 10.0.1.0/24,::1' }).TRUST_PROXY).toEqual([
      '10.0.0.5',
      '10.0.1.0/24',
      '::1',
    ]);
    for (const wrong of ['true', 'proxy.example.com', '10.0.0.0/33', '10.0.0.1/8/8']) {
      expect(() => loadConfig({ TRUST_PROXY: wrong })).toThrow(/TRUST_PROXY/);
    }
  });

  it('keeps attachments on the local disk by default and wants a bucket and both keys for S3', () => {
    expect(loadConfig({}).STORAGE_DRIVER).toBe('local');
    expect(loadConfig({ STORAGE_DRIVER: 'postgres' }).STORAGE_DRIVER).toBe('postgres');
    expect(() => loadConfig({ STORAGE_DRIVER: 'ftp' })).toThrow(/STORAGE_DRIVER/);
    expect(() => loadConfig({ STORAGE_DRIVER: 's3' })).toThrow(/S3_BUCKET: is required/);
    expect(() => loadConfig({ STORAGE_DRIVER: 's3', S3_BUCKET: 'files', S3_ACCESS_KEY_ID: 'id' })).toThrow(
      /S3_SECRET_ACCESS_KEY/,
    );
    const s3 = loadConfig({ STORAGE_DRIVER: 's3', S3_BUCKET: 'files', S3_FORCE_PATH_STYLE: 'true' });
    expect(s3).toMatchObject({ S3_BUCKET: 'files', S3_REGION: 'us-east-1', S3_FORCE_PATH_STYLE: true });
  });

  it('leaves single sign-on off by default and wants it configured whole, over https', () => {
    expect(loadConfig({}).OIDC_ISSUER).toBeUndefined();
    expect(() => loadConfig({ OIDC_DISABLE_STAFF_PASSWORDS: 'true' })).toThrow(
      /OIDC_DISABLE_STAFF_PASSWORDS: needs/,
    );
    const whole = {
      OIDC_ISSUER: 'https://id.example.com/realms/staff',
      OIDC_CLIENT_ID: 'guichet',
      OIDC_ALLOWED_DOMAINS: 'example.com, example.ch',
      OIDC_AGENT_GROUPS: 'support',
    };
    expect(loadConfig(whole)).toMatchObject({
      OIDC_ALLOWED_DOMAINS: ['example.com', 'example.ch'],
      OIDC_AGENT_GROUPS: ['support'],
      OIDC_ADMIN_GROUPS: [],
      OIDC_GROUPS_CLAIM: 'groups',
      OIDC_PROVIDER_NAME: 'SSO',
    });
    expect(() => loadConfig({ ...whole, OIDC_ISSUER: 'http://id.example.com' })).toThrow(
      /OIDC_ISSUER: must be an https/,
    );
    expect(loadConfig({ ...whole, OIDC_ISSUER: 'http://127.0.0.1:4000' }).OIDC_ISSUER).toBe(
      'http://127.0.0.1:4000',
    );
    expect(() => loadConfig({ ...whole, OIDC_CLIENT_ID: '' })).toThrow(/OIDC_CLIENT_ID/);
    expect(() => loadConfig({ ...whole, OIDC_ALLOWED_DOMAINS: '' })).toThrow(/OIDC_ALLOWED_DOMAINS/);
    expect(() => loadConfig({ ...whole, OIDC_AGENT_GROUPS: '' })).toThrow(/at least one group/);
  });
});
