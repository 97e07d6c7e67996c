import { App, Card, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../shared/i18n/index.ts';
import { useClientConfig, DEFAULT_CLIENT_CONFIG } from '../../shared/clientConfig.ts';
import { useSession } from '../../modules/identity/index.ts';
import { NearMeCard } from '../../modules/air/index.ts';
import { SERVICE_TILES, type ServiceTile } from './tiles.tsx';

/** 京通 home: a greeting and the service entries, three to a row on a phone. */
export function HomePage() {
  const t = useT();
  const { me } = useSession();
  const city = (useClientConfig().data ?? DEFAULT_CLIENT_CONFIG).cityName;
  const tiles = SERVICE_TILES.filter((tile) => !(tile.anonymousOnly && me));

  return (
    <div data-testid="tong-home">
      <Card className="tong-hero" variant="borderless">
        <Typography.Title level={2} style={{ margin: 0, color: 'inherit' }} data-testid="tong-welcome">
          {me ? t('tong.home.hello', { name: me.actingFor?.displayName ?? me.displayName }) : t('tong.home.welcome')}
        </Typography.Title>
        <Typography.Paragraph style={{ margin: '8px 0 0', color: 'inherit', opacity: 0.85 }}>{t('tong.home.tagline', { city })}</Typography.Paragraph>
      </Card>
      <div style={{ marginTop: 16 }}>
        <NearMeCard more={0} />
      </div>
      <Typography.Title level={4} style={{ margin: '20px 4px 12px' }}>
        {t('tong.home.services')}
      </Typography.Title>
      <nav className="tong-tiles" aria-label={t('tong.home.services')}>
        {tiles.map((tile) => (
          <Tile key={tile.id} tile={tile} />
        ))}
      </nav>
    </div>
  );
}

function Tile({ tile }: { tile: ServiceTile }) {
  const t = useT();
  const { message } = App.useApp();
  const body = (
    <>
      <span className="tong-tile-icon" style={{ background: tile.color }} aria-hidden>
        {tile.icon}
      </span>
      <span className="tong-tile-title">{t(tile.title)}</span>
      <span className="tong-tile-sub">{t(tile.subtitle)}</span>
      {tile.to ? null : (
        <Tag className="tong-tile-soon" variant="filled">
          {t('common.comingSoon')}
        </Tag>
      )}
    </>
  );
  if (tile.to) {
    return (
      <Link to={tile.to} className="tong-tile" data-testid={`tile-${tile.id}`}>
        {body}
      </Link>
    );
  }
  return (
    <button
      type="button"
      className="tong-tile"
      data-testid={`tile-${tile.id}`}
      onClick={() => void message.info(t('tong.comingSoonBody', { name: t(tile.title) }))}
    >
      {body}
    </button>
  );
}
