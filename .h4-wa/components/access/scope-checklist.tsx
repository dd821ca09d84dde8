'use client';

import { Checkbox, Col, Row, Tooltip, Typography } from 'antd';

import type { ScopeOption } from '@/app/(console)/staff/roles/roles.graphql';

/** Every catalog scope as a checkbox (value: the scope ids), grouped by resource. */
export function ScopeChecklist({
  scopes,
  value,
  onChange,
}: {
  scopes: ScopeOption[];
  value?: string[];
  onChange?: (value: string[]) => void;
}) {
  return (
    <Checkbox.Group value={value} onChange={(next) => onChange?.(next as string[])} style={{ width: '100%' }}>
      <Row gutter={[8, 8]}>
        {scopes.map((scope) => (
          <Col key={scope.id} xs={24} sm={12}>
            <Tooltip title={scope.description}>
              <Checkbox value={scope.id} data-scope={scope.id}>
                {scope.title}{' '}
                <Typography.Text type="secondary" code>
                  {scope.id}
                </Typography.Text>
              </Checkbox>
            </Tooltip>
          </Col>
        ))}
      </Row>
    </Checkbox.Group>
  );
}
