'use client';

import type { ReactNode } from 'react';
import { Flex, Typography } from 'antd';

/** A page's title, with an optional line under it and controls at the end. */
export function PageHeader({
  title,
  description,
  extra,
}: {
  /** Text, or an element such as a <bdi> around a title typed in any script. */
  title: ReactNode;
  description?: string;
  extra?: ReactNode;
}) {
  return (
    <Flex justify="space-between" align="center" wrap gap={16} style={{ marginBottom: 16 }}>
      <div>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {description && <Typography.Text type="secondary">{description}</Typography.Text>}
      </div>
      {extra}
    </Flex>
  );
}
