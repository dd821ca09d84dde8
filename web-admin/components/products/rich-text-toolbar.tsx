'use client';

import type { ReactNode } from 'react';
import { BoldOutlined, ItalicOutlined, LinkOutlined, OrderedListOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Button, Space, Tooltip, theme } from 'antd';
import { useEditorState, type Editor } from '@tiptap/react';
import { useTranslations } from 'next-intl';

/** Bold, italic, heading, lists and link for the description editor; pressed while active at the cursor. */
export function RichTextToolbar({ editor }: { editor: Editor | null }) {
  const t = useTranslations('productEditor.richText');
  const { token } = theme.useToken();
  const active = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      bold: current?.isActive('bold') ?? false,
      italic: current?.isActive('italic') ?? false,
      heading: current?.isActive('heading', { level: 2 }) ?? false,
      bulletList: current?.isActive('bulletList') ?? false,
      orderedList: current?.isActive('orderedList') ?? false,
      link: current?.isActive('link') ?? false,
    }),
  });

  const setLink = () => {
    if (!editor) return;
    const previous = (editor.getAttributes('link').href as string | undefined) ?? '';
    const href = window.prompt(t('linkPrompt'), previous);
    if (href === null) return;
    const chain = editor.chain().focus().extendMarkRange('link');
    if (href.trim()) chain.setLink({ href: href.trim() }).run();
    else chain.unsetLink().run();
  };

  const tool = (key: keyof NonNullable<typeof active>, icon: ReactNode, run: () => void, label?: ReactNode) => (
    <Tooltip title={t(key)}>
      <Button
        size="small"
        type={active?.[key] ? 'primary' : 'default'}
        icon={icon}
        aria-label={t(key)}
        aria-pressed={active?.[key] ?? false}
        onMouseDown={(event) => event.preventDefault()}
        onClick={run}
      >
        {label}
      </Button>
    </Tooltip>
  );

  return (
    <Space wrap size={4} style={{ padding: 4, borderBottom: `1px solid ${token.colorBorderSecondary}`, width: '100%' }}>
      {tool('bold', <BoldOutlined />, () => editor?.chain().focus().toggleBold().run())}
      {tool('italic', <ItalicOutlined />, () => editor?.chain().focus().toggleItalic().run())}
      {tool('heading', null, () => editor?.chain().focus().toggleHeading({ level: 2 }).run(), 'H')}
      {tool('bulletList', <UnorderedListOutlined />, () => editor?.chain().focus().toggleBulletList().run())}
      {tool('orderedList', <OrderedListOutlined />, () => editor?.chain().focus().toggleOrderedList().run())}
      {tool('link', <LinkOutlined />, setLink)}
    </Space>
  );
}
