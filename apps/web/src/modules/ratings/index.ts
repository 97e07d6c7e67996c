/** 好差评: the rating form for any subject, the public statistics, bad-review rectification and appeals. The only surface other modules import. */
export { RatingPanel } from './components/RatingPanel.tsx';
export { RatePage } from './pages/RatePage.tsx';
export { RatingStatsPage } from './pages/RatingStatsPage.tsx';
export { RectificationListPage } from './pages/RectificationListPage.tsx';
export { RectificationPage } from './pages/RectificationPage.tsx';
