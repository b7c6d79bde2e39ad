import { Route, Routes } from 'react-router';
import { FunnelEditor } from './FunnelEditor';
import { FunnelList } from './FunnelList';

/** 设置 → 销售漏斗: the list of funnels, and one funnel's stage editor at /settings/funnels/:id. */
export default function FunnelsPage() {
  return (
    <Routes>
      <Route index element={<FunnelList />} />
      <Route path=":id" element={<FunnelEditor />} />
    </Routes>
  );
}
