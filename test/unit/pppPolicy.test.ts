import { constructionWord, pppPolicyConflicts, underNewMechanism } from '../../src/domain/ppp';

const code = (c: string, name: string) => ({ code: c, name });
const project = {
  name: '大庆市让胡路区第三水厂及配套供水管网新建工程PPP项目',
  initiatedOn: '2023-02-01',
  returnMode: code('2', '使用者付费'),
  operateMode: code('1', 'BOT'),
};

describe('PPP policy a library record must fit', () => {
  it('the new mechanism covers projects initiated from February 2023 on', () => {
    expect(underNewMechanism('2023-01-31')).toBe(false);
    expect(underNewMechanism('2023-02-01')).toBe(true);
    expect(underNewMechanism('2025-06-30')).toBe(true);
  });

  it('a user-pays BOT under the new mechanism fits; the same paid by the government does not', () => {
    expect(pppPolicyConflicts(project)).toEqual([]);
    expect(pppPolicyConflicts({ ...project, returnMode: code('1', '政府付费') }).map((c) => c.rule)).toEqual(['NEW_MECHANISM_RETURN_MODE']);
    expect(pppPolicyConflicts({ ...project, initiatedOn: '2023-01-31', returnMode: code('1', '政府付费') })).toEqual([]);
  });

  it('BOO and TOT+BOO keep the asset and are no franchise under the new mechanism; 其他 (BOOT, DBFOT) is', () => {
    expect(pppPolicyConflicts({ ...project, operateMode: code('6', 'TOT+BOO') }).map((c) => c.rule)).toEqual(['NEW_MECHANISM_OPERATE_MODE']);
    expect(pppPolicyConflicts({ ...project, operateMode: code('9', '其他') })).toEqual([]);
  });

  it('a name says a project builds when it names construction; one that only runs existing assets does not', () => {
    expect(constructionWord('大庆市第二小学新建工程PPP项目')).toBe('新建');
    expect(constructionWord('大庆市医养结合养老服务中心建设运营PPP项目')).toBe('建设');
    expect(constructionWord('大庆市龙凤区第一污水处理厂委托运营PPP项目')).toBeUndefined();
    expect(constructionWord('大庆市既有供热热源及管网转让运营PPP项目')).toBeUndefined();
  });

  it('MC on a project that builds is flagged even before the reform', () => {
    const conflicts = pppPolicyConflicts({ ...project, initiatedOn: '2016-05-01', returnMode: code('1', '政府付费'), operateMode: code('8', 'MC') });
    expect(conflicts).toEqual([
      {
        rule: 'EXISTING_ASSET_MODE_FOR_CONSTRUCTION',
        basis: expect.stringContaining('财金〔2014〕113号'),
        explanation: '运作方式MC只适用于存量公共资产的运营，项目名称表明其有建设内容（“新建”）',
      },
    ]);
  });
});
