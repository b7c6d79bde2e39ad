import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../StatusPages';
import { CustomerListView } from './CustomerListView';

const CustomerDetailPage = lazy(() => import('./CustomerDetailPage'));

/** 客户: the list at /customers, one customer's page at /customers/:id. */
export default function CustomersPage() {
  return (
    <Routes>
      <Route index element={<CustomerListView />} />
      <Route path=":id" element={<CustomerDetailPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
