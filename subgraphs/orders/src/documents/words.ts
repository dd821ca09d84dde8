// The printed words of each document in the five console languages (the data on them stays as entered).

export const DOCUMENT_LOCALES = ['en', 'th', 'zh-CN', 'zh-TW', 'ar'] as const;
export type DocumentLocale = (typeof DOCUMENT_LOCALES)[number];

export interface DocumentWords {
  from: string;
  to: string;
  phone: string;
  order: string;
  carrier: string;
  tracking: string;
  packingSlip: string;
  orderDate: string;
  sku: string;
  item: string;
  quantity: string;
  unitPrice: string;
  amount: string;
  subtotal: string;
  shipping: string;
  discount: string;
  total: string;
  taxInvoice: string;
  seller: string;
  buyer: string;
  taxId: string;
  headOffice: string;
  invoiceNumber: string;
  date: string;
  beforeVat: string;
  vat: string;
  pricesIncludeVat: string;
  page: string;
  /** Printed on the first issue of a tax invoice. */
  original: string;
  /** Printed on every reprint of a tax invoice. */
  copy: string;
}

export const WORDS: Record<DocumentLocale, DocumentWords> = {
  en: {
    from: 'From', to: 'To', phone: 'Phone', order: 'Order', carrier: 'Carrier', tracking: 'Tracking no.',
    packingSlip: 'Packing slip', orderDate: 'Order date', sku: 'SKU', item: 'Item', quantity: 'Qty',
    unitPrice: 'Unit price', amount: 'Amount', subtotal: 'Subtotal', shipping: 'Shipping', discount: 'Discount',
    total: 'Total', taxInvoice: 'Tax invoice / Receipt', seller: 'Seller', buyer: 'Buyer', taxId: 'Tax ID',
    headOffice: 'Head office', invoiceNumber: 'Invoice no.', date: 'Date', beforeVat: 'Value before VAT',
    vat: 'VAT', pricesIncludeVat: 'Prices include VAT.', page: 'Page', original: 'Original', copy: 'Copy',
  },
  th: {
    from: 'ผู้ส่ง', to: 'ผู้รับ', phone: 'โทร', order: 'คำสั่งซื้อ', carrier: 'ขนส่ง', tracking: 'เลขพัสดุ',
    packingSlip: 'ใบแพ็คสินค้า', orderDate: 'วันที่สั่งซื้อ', sku: 'รหัสสินค้า', item: 'รายการ', quantity: 'จำนวน',
    unitPrice: 'ราคาต่อหน่วย', amount: 'จำนวนเงิน', subtotal: 'รวมเป็นเงิน', shipping: 'ค่าจัดส่ง', discount: 'ส่วนลด',
    total: 'ยอดรวมทั้งสิ้น', taxInvoice: 'ใบกำกับภาษี / ใบเสร็จรับเงิน', seller: 'ผู้ขาย', buyer: 'ผู้ซื้อ',
    taxId: 'เลขประจำตัวผู้เสียภาษี', headOffice: 'สำนักงานใหญ่', invoiceNumber: 'เลขที่', date: 'วันที่',
    beforeVat: 'มูลค่าก่อนภาษีมูลค่าเพิ่ม', vat: 'ภาษีมูลค่าเพิ่ม', pricesIncludeVat: 'ราคารวมภาษีมูลค่าเพิ่มแล้ว',
    page: 'หน้า', original: 'ต้นฉบับ', copy: 'สำเนา',
  },
  'zh-CN': {
    from: '寄件人', to: '收件人', phone: '电话', order: '订单', carrier: '承运商', tracking: '运单号',
    packingSlip: '装箱单', orderDate: '下单日期', sku: 'SKU', item: '商品', quantity: '数量', unitPrice: '单价',
    amount: '金额', subtotal: '小计', shipping: '运费', discount: '折扣', total: '合计', taxInvoice: '税务发票 / 收据',
    seller: '卖方', buyer: '买方', taxId: '税号', headOffice: '总部', invoiceNumber: '发票号', date: '日期',
    beforeVat: '不含增值税金额', vat: '增值税', pricesIncludeVat: '价格已含增值税。', page: '页', original: '正本', copy: '副本',
  },
  'zh-TW': {
    from: '寄件人', to: '收件人', phone: '電話', order: '訂單', carrier: '物流商', tracking: '運單號',
    packingSlip: '裝箱單', orderDate: '下單日期', sku: 'SKU', item: '商品', quantity: '數量', unitPrice: '單價',
    amount: '金額', subtotal: '小計', shipping: '運費', discount: '折扣', total: '合計', taxInvoice: '稅務發票 / 收據',
    seller: '賣方', buyer: '買方', taxId: '統一編號', headOffice: '總公司', invoiceNumber: '發票號碼', date: '日期',
    beforeVat: '未稅金額', vat: '營業稅', pricesIncludeVat: '價格已含稅。', page: '頁', original: '正本', copy: '副本',
  },
  ar: {
    from: 'المرسل', to: 'المستلم', phone: 'الهاتف', order: 'الطلب', carrier: 'شركة الشحن', tracking: 'رقم التتبع',
    packingSlip: 'قائمة التعبئة', orderDate: 'تاريخ الطلب', sku: 'رمز المنتج', item: 'الصنف', quantity: 'الكمية',
    unitPrice: 'سعر الوحدة', amount: 'المبلغ', subtotal: 'المجموع الفرعي', shipping: 'الشحن', discount: 'الخصم',
    total: 'الإجمالي', taxInvoice: 'فاتورة ضريبية / إيصال', seller: 'البائع', buyer: 'المشتري', taxId: 'الرقم الضريبي',
    headOffice: 'المكتب الرئيسي', invoiceNumber: 'رقم الفاتورة', date: 'التاريخ', beforeVat: 'القيمة قبل الضريبة',
    vat: 'ضريبة القيمة المضافة', pricesIncludeVat: 'الأسعار شاملة ضريبة القيمة المضافة.', page: 'صفحة', original: 'الأصل',
    copy: 'نسخة',
  },
};
