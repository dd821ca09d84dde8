import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '@shop/kit';

const SIX_YEARS_SECONDS = 6 * 365 * 24 * 3600;

// Name pools per script: 20 given × 20 family names each, so a surname or a given name matches
// about 1 in 20 members of its script (a busy search), a full name about 1 in 400.
const NAMES = {
  thai: {
    given: ['สมชาย', 'สมศรี', 'วิไล', 'ประเสริฐ', 'สุดา', 'อนุชา', 'กิตติ', 'มาลี', 'ธนา', 'ปิยะ', 'นภา', 'วรรณา', 'ชัยวัฒน์', 'สุรชัย', 'พรทิพย์', 'อารีย์', 'ณัฐพล', 'ศิริพร', 'จันทร์เพ็ญ', 'ธีระ'],
    family: ['ใจดี', 'สุขสวัสดิ์', 'วงศ์ไทย', 'ศรีสุข', 'บุญมา', 'แก้วมณี', 'ทองดี', 'รัตนพันธ์', 'มั่นคง', 'เจริญผล', 'พรหมมา', 'ศักดิ์ดี', 'อินทร์แก้ว', 'สายทอง', 'ชัยมงคล', 'นาคสุข', 'พูลสวัสดิ์', 'ทรัพย์มาก', 'บุญเรือง', 'ปัญญาดี'],
  },
  chinese: {
    given: ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '洋', '艳', '明华', '建国', '秀英', '志强', '婷婷', '俊杰', '子涵', '浩然', '欣怡', '家豪'],
    family: ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '梁'],
  },
  arabic: {
    given: ['محمد', 'أحمد', 'فاطمة', 'عائشة', 'علي', 'مريم', 'يوسف', 'خالد', 'نور', 'سارة', 'عمر', 'ليلى', 'حسن', 'زينب', 'إبراهيم', 'هند', 'سلمان', 'ريم', 'طارق', 'منى'],
    family: ['العتيبي', 'الحربي', 'القحطاني', 'الشمري', 'الدوسري', 'الزهراني', 'الغامدي', 'المطيري', 'العنزي', 'السبيعي', 'الشهري', 'البقمي', 'الرشيدي', 'الجهني', 'العمري', 'الخالدي', 'المالكي', 'الحارثي', 'الأحمدي', 'السلمي'],
  },
  latin: {
    given: ['James', 'Mary', 'John', 'Patricia', 'Somchai', 'Wei', 'Ahmed', 'Emma', 'Lucas', 'Sofia', 'Noah', 'Olivia', 'Liam', 'Ava', 'Mateo', 'Chloé', 'Hiroshi', 'Anna', 'David', 'Maria'],
    family: ['Smith', 'Johnson', 'Nguyen', 'Garcia', 'Tanaka', 'Müller', 'Rossi', 'Kowalski', 'Silva', 'Brown', 'Martin', 'Dubois', 'Kim', 'Wilson', 'Lopez', 'Schmidt', 'Taylor', 'Novak', 'Haddad', 'Jensen'],
  },
};

const pick = (pool: string[], index: SQL) => sql`(${sql.param(pool)}::text[])[1 + ${index}]`;

/**
 * Grows members.member to `total` rows straight in SQL (generate_series): names in Thai,
 * Chinese, Arabic and Latin script, unique emails `member<g>@…`, E.164 phones typed in a
 * national or international format (Thai mobiles, Chinese ones for Chinese names, 1 in 10
 * none), tiers (60 % bronze … 3 % platinum), tags (vip 2 %, newsletter 30 %, …), enrolment
 * spread over six years (newest at g = 1), 1.5 % disabled, 0.2 % archived. The secondary
 * indexes are dropped for the load and rebuilt from their own definitions, then analysed.
 */
export async function growMembers(db: Db, total: number): Promise<void> {
  const [{ n }] = await db.execute<{ n: number }>(sql`select count(*)::int as n from members.member`);
  if (n >= total) return;
  const started = Date.now();
  const indexes = await db.execute<{ name: string; definition: string }>(sql`
    select format('%I.%I', 'members', c.relname) as name, pg_get_indexdef(i.indexrelid) as definition
    from pg_index i join pg_class c on c.oid = i.indexrelid
    where i.indrelid = 'members.member'::regclass
      and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)`);
  for (const index of indexes) await db.execute(sql.raw(`drop index ${index.name}`));
  const step = SIX_YEARS_SECONDS / total;
  const script = (pools: (p: (typeof NAMES)['thai']) => string[], index: SQL) =>
    sql`case g.script when 0 then ${pick(pools(NAMES.thai), index)} when 1 then ${pick(pools(NAMES.chinese), index)}
      when 2 then ${pick(pools(NAMES.arabic), index)} else ${pick(pools(NAMES.latin), index)} end`;
  await db.execute(sql`
    with g as (
      select g, g % 4 as script, abs(hashint4(g)::bigint) as h, abs(hashint4(g + 7777777)::bigint) as h2,
             lpad(((g::bigint * 48271) % 100000000)::text, 8, '0') as digits
      from generate_series(${n + 1}::int, ${total}::int) g
    ), named as (
      select g.*, ${script((p) => p.given, sql`g.h % 20`)} as given, ${script((p) => p.family, sql`(g.h / 20) % 20`)} as family,
             now() - make_interval(secs => g.g * ${step}::float8 + g.h % 60) as created,
             case when g.h % 10 = 0 then null when g.script = 1 then '+861' || (3 + g.h2 % 7) || '0' || g.digits
                  else '+66' || (array['8', '9', '6'])[1 + g.h2 % 3] || g.digits end as e164
      from g
    )
    insert into members.member (display_name, given_name, family_name, email, phone, phone_e164, birthday, gender, locale,
      acquisition_channel, tier, tags, disabled_at, archived_at, created_at, updated_at)
    select case script when 1 then family || given else given || ' ' || family end, given, family,
      'member' || g || '@' || (array['gmail.test', 'hotmail.test', 'outlook.test', 'yahoo.test', 'line.test'])[1 + h2 % 5],
      case when e164 is null then null
           when h2 % 2 = 0 and e164 like '+66%' then '0' || substr(e164, 4, 2) || '-' || substr(e164, 6, 3) || '-' || substr(e164, 9)
           when e164 like '+66%' then '+66 ' || substr(e164, 4, 2) || ' ' || substr(e164, 6, 3) || ' ' || substr(e164, 9)
           else '+86 ' || substr(e164, 4, 3) || ' ' || substr(e164, 7, 4) || ' ' || substr(e164, 11) end,
      e164,
      case when h % 3 <> 0 then date '1950-01-01' + (h % 20000)::int end,
      (array['FEMALE', 'MALE', 'OTHER', 'UNDISCLOSED'])[1 + h2 % 4]::members.member_gender,
      (case script when 0 then 'th' when 1 then (case when h2 % 5 = 0 then 'zh-TW' else 'zh-CN' end) when 2 then 'ar' else 'en' end)::members.member_locale,
      (array['ONLINE_STORE', 'MOBILE_APP', 'MINI_PROGRAM', 'POINT_OF_SALE', 'PHONE', 'MARKETPLACE', 'REFERRAL', 'OTHER'])[1 + (h2 / 7) % 8]::members.acquisition_channel,
      (case when h % 100 < 3 then 'PLATINUM' when h % 100 < 15 then 'GOLD' when h % 100 < 40 then 'SILVER' else 'BRONZE' end)::members.member_tier,
      array_remove(array[case when h2 % 50 = 0 then 'vip' end, case when h2 % 10 < 3 then 'newsletter' end,
        case when (h2 / 10) % 20 = 0 then 'wholesale' end, case when (h2 / 200) % 8 = 0 then 'line-oa' end], null),
      case when (h / 100) % 67 = 0 then created + interval '30 days' end,
      case when (h / 10000) % 500 = 0 then created + interval '60 days' end,
      created, created
    from named`);
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local maintenance_work_mem = '256MB'`);
    for (const index of indexes) await tx.execute(sql.raw(index.definition));
  });
  await db.execute(sql`vacuum analyze members.member`);
  console.log(`grew members to ${total} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
