import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Space } from 'antd';

import { pageFailure } from '@/components/shell/forbidden';
import { request } from '@/lib/graphql';
import { can, getViewer } from '@/lib/viewer';

import { AddressBook } from './address-book';
import { ChannelIds } from './channel-ids';
import { ConsentToggles } from './consent-toggles';
import { MemberMergeModal } from './member-merge-modal';
import { MemberStatusButton } from './member-status-button';
import { MemberEditing } from './profile.graphql';
import { ProfileEditModal } from './profile-edit-modal';
import { TagsEditor } from './tags-editor';

/**
 * The member 360 page's editing: profile, disable/enable and merge in a bar, then tags, consents,
 * LINE and WeChat ids and the address book. Each control shows only when the viewer's scopes allow
 * its mutation: the profile, app ids and addresses carry PII (members:write and members:read_pii),
 * the rest members:write.
 */
export async function MemberEditors({ memberId }: { memberId: string }) {
  const [viewer, { data, errors }, t] = await Promise.all([getViewer(), request(MemberEditing, { id: memberId }), getTranslations('memberDesk')]);
  const member = data?.member;
  if (!member) return pageFailure(errors);
  const write = can(viewer, 'members:write');
  const pii = write && can(viewer, 'members:read_pii');
  const merged = Boolean(member.mergedInto);
  return (
    <>
      {member.mergedInto ? (
        <p data-testid="member-merged-into">
          <Link href={`/members/${member.mergedInto.id}`}>{t('merge.mergedInto', { name: member.mergedInto.displayName ?? member.mergedInto.id })}</Link>
        </p>
      ) : null}
      {write && !merged ? (
        <Space wrap data-testid="member-actions" style={{ marginBottom: 16 }}>
          {pii ? <ProfileEditModal member={member} /> : null}
          <MemberStatusButton memberId={member.id} disabled={member.disabled ?? false} />
          <MemberMergeModal memberId={member.id} memberName={member.displayName ?? member.id} />
        </Space>
      ) : null}
      <section data-testid="member-tags">
        <h2>{t('tags.label')}</h2>
        {write && !merged ? <TagsEditor memberId={member.id} tags={member.tags ?? []} /> : (member.tags ?? []).join(', ') || t('none')}
      </section>
      <section data-testid="member-consents">
        <h2>{t('consents')}</h2>
        <ConsentToggles member={member} editable={write && !merged} />
      </section>
      <section data-testid="member-channel-ids">
        <h2>{t('channelIds.title')}</h2>
        <ChannelIds member={member} editable={pii && !merged} />
      </section>
      {member.addresses ? (
        <section data-testid="member-addresses">
          <h2>{t('address.title')}</h2>
          <AddressBook memberId={member.id} addresses={member.addresses} editable={pii && !merged} />
        </section>
      ) : null}
    </>
  );
}
