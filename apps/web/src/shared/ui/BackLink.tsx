import { Button } from 'antd';
import { LeftOutlined } from '@ant-design/icons';
import { Link } from 'react-router';

/** "‹ List": the way back from a record's page to the list it belongs to. */
export function BackLink({ to, label }: { to: string; label: string }) {
  return (
    <Link to={to} data-testid="back-link">
      <Button type="link" icon={<LeftOutlined />} style={{ paddingInline: 0 }}>
        {label}
      </Button>
    </Link>
  );
}
