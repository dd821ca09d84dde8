'use client';

import { Alert } from 'antd';

/** userErrors that name no field of the dialog's form, shown inside the dialog. */
export function FormErrors({ messages }: { messages: string[] }) {
  if (!messages.length) return null;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="form-errors"
      style={{ marginBottom: 16 }}
      title={messages.length === 1 ? messages[0] : undefined}
      description={messages.length > 1 ? (
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {messages.map((text, index) => (
            <li key={index}>{text}</li>
          ))}
        </ul>
      ) : undefined}
    />
  );
}
