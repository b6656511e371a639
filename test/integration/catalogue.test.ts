import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getRequestType, listRequestTypes, requestTypeByCode } from '../../src/app/catalogue/request-types';
import { type TestApp, testApp } from '../support/app';

let t: TestApp;

beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

describe('request types catalogue (R3)', () => {
  it('is seeded with Assistance and Solva Flex and their flags', async () => {
    const assistance = await requestTypeByCode(t.ctx.db, 'assistance');
    const flex = await requestTypeByCode(t.ctx.db, 'solva_flex');
    expect(assistance).toMatchObject({
      nameFr: 'Assistance',
      requiresFlex: false,
      billedToFlex: false,
      countsTowardSla: true,
      creatableByCustomers: true,
      active: true,
    });
    expect(flex).toMatchObject({
      nameFr: 'Solva Flex',
      requiresFlex: true,
      billedToFlex: true,
      countsTowardSla: true,
      creatableByCustomers: true,
    });
    expect(await getRequestType(t.ctx.db, flex?.id ?? '')).toEqual(flex);
    const codes = (await listRequestTypes(t.ctx.db)).map((type) => type.code);
    expect(codes.slice(0, 2)).toEqual(['assistance', 'solva_flex']);
  });
});
