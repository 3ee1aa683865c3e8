import fs from 'node:fs';
import path from 'node:path';
import { test as base, expect, type Locator, type Page, type TestInfo } from '@playwright/test';

export type Lang = 'ar' | 'fr';

/** What the pages say in each language the suite walks through. */
export interface Strings {
  dir: 'rtl' | 'ltr';
  switchLabel: string; // the language switch link's own text
  skipLink: string;
  mainNav: string; // aria-label of the main navigation
  breadcrumbs: string; // aria-label of the breadcrumbs
  homeHeading: string;
  navTerritories: string;
  territoriesHeading: string;
  region: string; // Marrakech-Safi
  regionHeading: string;
  province: string; // Rehamna
  communesHeading: string;
  communesCount: string;
  notFound: string;
  appName: string;
  apiHeading: string;
  unitsHeading: string;
  // Signed-in pages.
  signIn: string; // the header's link
  signOut: string; // the header's button
  loginHeading: string;
  loginSubmit: string;
  loginError: string;
  dashboard: string; // heading, title and main-nav entry
  officerGrant: string; // officer.rehamna's grant, "role · scope"
  auditorGrant: string;
  auditTitle: string;
  auditAction: string; // label of the filter field
  auditSearch: string;
  auditLoginAction: string; // how a sign-in shows in the action column
  auditVerify: string;
  auditVerified: RegExp;
  forbidden: string;
  passwordTitle: string;
  passwordSubmit: string;
  passwordErrorShort: string;
  passwordErrorMismatch: string;
  // Establishments: the public directory and the staff registry.
  navDirectory: string; // main-nav entry of the public directory
  directoryHeading: string;
  navEstablishments: string; // main-nav entry of the registry (signed in)
  establishmentsHeading: string;
  filterSearch: string; // the filter forms' submit button
  establishmentsCount: (n: number) => string; // the count line above the cards or the table
  capacity: RegExp; // a directory card's "N places"
  statusChanged: string; // the confirmation after a change of status
  categorySchooled: string; // the badge of the category `schooled_children`
  statusRequested: string;
  statusUnderReview: string;
  applyStatus: string; // the status form's button
  reasonRequired: string;
  reasonText: string; // what the officer types as the reason
  // The authorisation procedure (law 65.15): the dossier, filing, the receipt and the queue.
  statusProject: string;
  statusDocumentsMissing: string;
  statusAuthorised: string;
  checklist: Record<DossierItem, string>; // the checklist items' names, by code
  docAttach: string; // the upload form's button
  docAttached: string; // the confirmation after an upload
  docNone: string; // an item without a document
  docErrorType: string; // at a refused file's field
  docErrorBatch: string; // the upload form's summary alert
  docErrorNone: string; // the upload form sent without a file
  missingDocuments: string; // filing refused: followed by the list of missing items
  stillRequested: string; // back to review refused: followed by the items still awaited
  documentsOnce: string; // a second request for documents refused
  requestedBadge: string; // an item asked for
  documentsRequested: string; // the dossier's "documents requested" term
  decision: string; // the dossier's "decision" term
  receiptLink: string;
  receiptTitle: string;
  receiptDocuments: string; // heading of the documents received
  receiptDeadline: (date: string) => string;
  daysLeft: (n: number) => string;
  queueTitle: string; // heading of /authorisations and its dashboard card
  queueCount: (n: number) => string;
  queueOverdue: (n: number) => string;
  fileReason: string; // what the manager types when filing
  askReason: string; // what the officer types when asking for a document
  answerReason: string; // what the manager types when sending it back to review
  authoriseReason: string; // what the officer types when authorising
  // Associations: the registry, the record with its board, the form and the CSV import.
  navAssociations: string; // main-nav entry (signed in)
  assocTitle: string; // heading and title of /associations
  assocNew: string; // the list's link, the form's heading and title
  assocImport: string; // the list's link, the import page's heading and title
  assocEdit: string; // the record's link to its form
  assocSearchLabel: string; // label of the list's search field
  assocCount: (n: number) => string; // the count line above the table
  emptyList: string; // an empty list
  assocFacts: Record<AssocFact, string>; // the record's facts (and the form's labels), by field
  assocDateHint: string;
  communeHint: string;
  assocSave: string; // the form's button
  assocSaved: string; // the confirmation after a change
  formHasErrors: string; // the form's summary alert
  assocErrorDate: string;
  communeErrorScope: string; // a commune outside the person's territory
  assocErrorEmail: string;
  assocBoard: string; // heading of the board
  assocBoardEmpty: string;
  assocAddMember: string; // heading of the board form and its button
  assocMemberName: string; // label of the member's name
  assocPosition: string; // label of the position select
  positions: Record<BoardPosition, string>; // the positions' names, by code
  assocSince: (date: string) => string; // after a board member's position: "(since …)"
  assocRemove: string; // a board member's remove button (its visible text)
  assocRemoveMember: (name: string) => string; // … and its accessible name
  assocRemoveConfirm: string; // the box to tick before removing a board member
  confirmRequired: string; // the error when a confirmation box was not ticked
  pagerPosition: (page: number, pages: number) => string; // the pager's "page X of Y"
  assocPositionHeld: string; // a single position taken already
  assocEstablishments: string; // heading of the establishments the association runs
  assocEstablishmentsEmpty: string;
  importColumns: string; // the hint above the expected columns
  importFile: string; // label of the file input
  importSubmit: string;
  importDone: string; // the report's first words
  importInserted: (n: number) => string;
  importUpdated: (n: number) => string;
  importUnchanged: (n: number) => string;
  importRefusedRows: (n: number) => string; // heading of the table of refused lines
  importLine: string; // the table's column headers
  importColumn: string;
  importReason: string;
  importNothing: string; // the alert when a file is refused
}

/** The facts of an association's page, by the name of the form's field. */
export const ASSOC_FACTS = ['name_ar', 'name_fr', 'registration_number', 'registration_date', 'commune', 'address', 'phone', 'email'] as const;
export type AssocFact = (typeof ASSOC_FACTS)[number];

/** The positions on an association's board, in the order the board lists them. */
export const BOARD_POSITIONS = ['president', 'vice_president', 'secretary_general', 'treasurer', 'deputy_treasurer', 'member'] as const;
export type BoardPosition = (typeof BOARD_POSITIONS)[number];

/** The codes of the checklist the demo configures for every category. */
export const DOSSIER_ITEMS = [
  'application',
  'statutes',
  'registration_receipt',
  'internal_rules',
  'premises',
  'staff_list',
  'budget',
] as const;
export type DossierItem = (typeof DOSSIER_ITEMS)[number];
/** The first five are mandatory. */
export const MANDATORY_ITEMS: DossierItem[] = ['application', 'statutes', 'registration_receipt', 'internal_rules', 'premises'];

/** An Arabic plural by the CLDR categories: zero, one, two, few (3–10), many (11–99), other. */
function arabicPlural(
  n: number,
  forms: { zero: string; one: string; two: string; few: (n: number) => string; many: (n: number) => string; other: (n: number) => string },
): string {
  const r = n % 100;
  if (n === 0) return forms.zero;
  if (n === 1) return forms.one;
  if (n === 2) return forms.two;
  if (r >= 3 && r <= 10) return forms.few(n);
  if (r >= 11 && r <= 99) return forms.many(n);
  return forms.other(n);
}

/** "N establishments" in Arabic, after the CLDR plural categories (zero, one, two, few, many). */
function arabicCount(n: number): string {
  const r = n % 100;
  if (n === 0) return 'لا توجد مؤسسة';
  if (n === 1) return 'مؤسسة واحدة';
  if (n === 2) return 'مؤسستان';
  if (r >= 3 && r <= 10) return `${n} مؤسسات`;
  return `${n} مؤسسة`;
}

export const STRINGS: Record<Lang, Strings> = {
  ar: {
    dir: 'rtl',
    switchLabel: 'العربية',
    skipLink: 'انتقل إلى المحتوى',
    mainNav: 'التصفح الرئيسي',
    breadcrumbs: 'مسار التصفح',
    homeHeading: 'خدمات اجتماعية أقرب إلى المواطن',
    navTerritories: 'التقسيم الترابي',
    territoriesHeading: 'التقسيم الترابي',
    region: 'مراكش-آسفي',
    regionHeading: 'عمالات وأقاليم جهة مراكش-آسفي',
    province: 'الرحامنة',
    communesHeading: 'جماعات الرحامنة',
    communesCount: '25 جماعة',
    notFound: 'الصفحة غير موجودة',
    appName: 'جسر',
    apiHeading: 'واجهة البرمجة (API)',
    unitsHeading: 'وحدات التعاون الوطني',
    signIn: 'تسجيل الدخول',
    signOut: 'تسجيل الخروج',
    loginHeading: 'تسجيل الدخول',
    loginSubmit: 'دخول',
    loginError: 'اسم المستخدم أو كلمة المرور غير صحيحة.',
    dashboard: 'لوحة القيادة',
    officerGrant: 'إطار بالمندوبية الإقليمية · الإقليم 07.427',
    auditorGrant: 'مدقق · وطني',
    auditTitle: 'سجل التتبع',
    auditAction: 'العملية',
    auditSearch: 'بحث',
    auditLoginAction: 'دخول',
    auditVerify: 'التحقق من سلامة السلسلة',
    auditVerified: /^السلسلة سليمة: تم التحقق من \d+ قيداً، وهي تتضمن نقطة المراقبة رقم \d+ كما وُقعت\.$/,
    forbidden: 'الولوج غير مسموح',
    passwordTitle: 'تغيير كلمة المرور',
    passwordSubmit: 'تغيير كلمة المرور',
    passwordErrorShort: 'يجب أن تتكون كلمة المرور من اثني عشر حرفاً على الأقل.',
    passwordErrorMismatch: 'كلمتا المرور غير متطابقتين.',
    navDirectory: 'دليل المؤسسات',
    directoryHeading: 'دليل المؤسسات',
    navEstablishments: 'المؤسسات',
    establishmentsHeading: 'مؤسسات الرعاية الاجتماعية',
    filterSearch: 'بحث',
    establishmentsCount: arabicCount,
    capacity: /^(\d+ (مكاناً|أماكن|مكان)|مكان واحد|مكانان)$/,
    statusChanged: 'تم تغيير الوضعية.',
    categorySchooled: 'دور الطالب والطالبة',
    statusRequested: 'طلب الترخيص مودع',
    statusUnderReview: 'قيد الدراسة',
    applyStatus: 'تطبيق',
    reasonRequired: 'التعليل إلزامي.',
    reasonText: 'الملف كامل، تُفتح الدراسة.',
    statusProject: 'مشروع',
    statusDocumentsMissing: 'وثائق ناقصة',
    statusAuthorised: 'مرخصة',
    checklist: {
      application: 'طلب الترخيص موقع من رئيس الجمعية',
      statutes: 'النظام الأساسي للجمعية',
      registration_receipt: 'وصل الإيداع النهائي للجمعية',
      internal_rules: 'النظام الداخلي للمؤسسة',
      premises: 'وثيقة تثبت حق استغلال المقر مع تصميمه',
      staff_list: 'لائحة المستخدمين ومؤهلاتهم',
      budget: 'الميزانية التوقعية للسنة الأولى',
    },
    docAttach: 'إرفاق الملفات المختارة',
    docAttached: 'أُرفقت الوثائق بالملف.',
    docNone: 'لا توجد وثيقة مرفقة.',
    docErrorType: 'محتوى هذا الملف ليس PDF ولا صورة PNG أو JPEG (يُفحص المحتوى وليس الاسم فقط).',
    docErrorBatch: 'لم يسجل أي ملف: صحح الملفات المشار إليها واخترها من جديد.',
    docErrorNone: 'اختر ملفاً واحداً على الأقل.',
    missingDocuments: 'لا يمكن إيداع الملف: الوثائق الإلزامية التالية ناقصة.',
    stillRequested: 'أرفق أولاً الوثائق المطلوبة:',
    documentsOnce: 'لا يمكن طلب الوثائق الناقصة إلا مرة واحدة.',
    requestedBadge: 'مطلوبة',
    documentsRequested: 'الوثائق المطلوبة',
    decision: 'القرار',
    receiptLink: 'عرض الوصل وطباعته',
    receiptTitle: 'وصل إيداع طلب ترخيص',
    receiptDocuments: 'الوثائق المتوصل بها',
    receiptDeadline: (date) => `يجب تبليغ القرار في أجل أقصاه ${date}.`,
    daysLeft: (n) =>
      arabicPlural(n, {
        zero: 'اليوم آخر أجل',
        one: 'بقي يوم واحد',
        two: 'بقي يومان',
        few: (n) => `بقيت ${n} أيام`,
        many: (n) => `بقي ${n} يوماً`,
        other: (n) => `بقي ${n} يوم`,
      }),
    queueTitle: 'طلبات الترخيص قيد الدراسة',
    queueCount: (n) =>
      arabicPlural(n, {
        zero: 'لا يوجد أي طلب في الانتظار',
        one: 'طلب واحد في الانتظار',
        two: 'طلبان في الانتظار',
        few: (n) => `${n} طلبات في الانتظار`,
        many: (n) => `${n} طلباً في الانتظار`,
        other: (n) => `${n} طلب في الانتظار`,
      }),
    queueOverdue: (n) =>
      arabicPlural(n, {
        zero: 'لا تأخير',
        one: 'طلب واحد متأخر',
        two: 'طلبان متأخران',
        few: (n) => `${n} طلبات متأخرة`,
        many: (n) => `${n} طلباً متأخراً`,
        other: (n) => `${n} طلب متأخر`,
      }),
    fileReason: 'إيداع طلب الترخيص مع الوثائق الإلزامية.',
    askReason: 'تصميم المقر غير مقروء.',
    answerReason: 'أُرفق تصميم جديد للمقر.',
    authoriseReason: 'الملف مطابق لدفتر التحملات.',
    navAssociations: 'الجمعيات',
    assocTitle: 'الجمعيات الشريكة',
    assocNew: 'تسجيل جمعية',
    assocImport: 'استيراد جمعيات',
    assocEdit: 'تعديل الجمعية',
    assocSearchLabel: 'الاسم أو رقم الوصل',
    assocCount: (n) =>
      arabicPlural(n, {
        zero: 'لا توجد أي جمعية',
        one: 'جمعية واحدة',
        two: 'جمعيتان',
        few: (n) => `${n} جمعيات`,
        many: (n) => `${n} جمعية`,
        other: (n) => `${n} جمعية`,
      }),
    emptyList: 'لا توجد عناصر لعرضها.',
    assocFacts: {
      name_ar: 'الاسم بالعربية',
      name_fr: 'الاسم بالفرنسية',
      registration_number: 'رقم وصل الإيداع',
      registration_date: 'تاريخ الوصل',
      commune: 'الجماعة',
      address: 'العنوان',
      phone: 'الهاتف',
      email: 'البريد الإلكتروني',
    },
    assocDateHint: 'بصيغة سنة-شهر-يوم، مثل 2019-05-14.',
    communeHint: 'رمز الجماعة حسب المندوبية السامية للتخطيط، مثل 07.427.01.01',
    assocSave: 'حفظ',
    assocSaved: 'تم حفظ التغييرات.',
    formHasErrors: 'تحقق من الحقول المشار إليها أسفله.',
    assocErrorDate: 'أدخل تاريخاً صحيحاً بصيغة سنة-شهر-يوم، غير لاحق لليوم.',
    communeErrorScope: 'هذه الجماعة خارج مجال اختصاصك.',
    assocErrorEmail: 'عنوان البريد الإلكتروني غير صالح.',
    assocBoard: 'المكتب',
    assocBoardEmpty: 'لم يسجل أي عضو في المكتب.',
    assocAddMember: 'إضافة عضو إلى المكتب',
    assocMemberName: 'الاسم الكامل',
    assocPosition: 'المهمة',
    positions: {
      president: 'الرئيس(ة)',
      vice_president: 'نائب(ة) الرئيس',
      secretary_general: 'الكاتب(ة) العام(ة)',
      treasurer: 'أمين(ة) المال',
      deputy_treasurer: 'نائب(ة) أمين المال',
      member: 'عضو',
    },
    assocSince: (date) => `منذ ${date}`,
    assocRemove: 'سحب',
    assocRemoveMember: (name) => `سحب ${name} من المكتب`,
    assocRemoveConfirm: 'أؤكد سحب هذا العضو من المكتب.',
    confirmRequired: 'أشّر على الخانة للتأكيد.',
    pagerPosition: (p, n) => `الصفحة ${p} من ${n}`,
    assocPositionHeld: 'هذه المهمة مشغولة في المكتب.',
    assocEstablishments: 'المؤسسات التي أسستها أو تسيرها',
    assocEstablishmentsEmpty: 'لا توجد مؤسسة في مجال اختصاصك مرتبطة بهذه الجمعية.',
    importColumns: 'الأعمدة المنتظرة بهذا الترتيب:',
    importFile: 'ملف CSV',
    importSubmit: 'استيراد',
    importDone: 'انتهى الاستيراد.',
    importInserted: (n) =>
      arabicPlural(n, {
        zero: 'لم تُضف أي جمعية',
        one: 'أضيفت جمعية واحدة',
        two: 'أضيفت جمعيتان',
        few: (n) => `أضيفت ${n} جمعيات`,
        many: (n) => `أضيفت ${n} جمعية`,
        other: (n) => `أضيفت ${n} جمعية`,
      }),
    importUpdated: (n) =>
      arabicPlural(n, {
        zero: 'لم تُحدَّث أي جمعية',
        one: 'حُدّثت جمعية واحدة',
        two: 'حُدّثت جمعيتان',
        few: (n) => `حُدّثت ${n} جمعيات`,
        many: (n) => `حُدّثت ${n} جمعية`,
        other: (n) => `حُدّثت ${n} جمعية`,
      }),
    importUnchanged: (n) =>
      arabicPlural(n, {
        zero: 'لا جمعية دون تغيير',
        one: 'جمعية واحدة دون تغيير',
        two: 'جمعيتان دون تغيير',
        few: (n) => `${n} جمعيات دون تغيير`,
        many: (n) => `${n} جمعية دون تغيير`,
        other: (n) => `${n} جمعية دون تغيير`,
      }),
    importRefusedRows: (n) =>
      arabicPlural(n, {
        zero: 'لا يوجد سطر مرفوض',
        one: 'سطر واحد مرفوض',
        two: 'سطران مرفوضان',
        few: (n) => `${n} أسطر مرفوضة`,
        many: (n) => `${n} سطراً مرفوضاً`,
        other: (n) => `${n} سطر مرفوض`,
      }),
    importLine: 'السطر',
    importColumn: 'العمود',
    importReason: 'السبب',
    importNothing: 'لم يُستورد أي شيء: صحح الأسطر المشار إليها ثم أعد استيراد الملف.',
  },
  fr: {
    dir: 'ltr',
    switchLabel: 'Français',
    skipLink: 'Aller au contenu',
    mainNav: 'Navigation principale',
    breadcrumbs: "Fil d'Ariane",
    homeHeading: 'Des services sociaux plus proches des citoyens',
    navTerritories: 'Découpage territorial',
    territoriesHeading: 'Découpage territorial',
    region: 'Marrakech-Safi',
    regionHeading: 'Préfectures et provinces de la région Marrakech-Safi',
    province: 'Rehamna',
    communesHeading: 'Communes de Rehamna',
    communesCount: '25 communes',
    notFound: 'Page introuvable',
    appName: 'Jisr',
    apiHeading: 'API',
    unitsHeading: "Unités de l'Entraide Nationale",
    signIn: 'Se connecter',
    signOut: 'Se déconnecter',
    loginHeading: 'Connexion',
    loginSubmit: 'Se connecter',
    loginError: "Nom d'utilisateur ou mot de passe incorrect.",
    dashboard: 'Tableau de bord',
    officerGrant: 'Cadre de délégation provinciale · Province 07.427',
    auditorGrant: 'Auditeur · National',
    auditTitle: "Journal d'audit",
    auditAction: 'Action',
    auditSearch: 'Rechercher',
    auditLoginAction: 'Connexion',
    auditVerify: "Vérifier l'intégrité de la chaîne",
    // A no-break space before the colon, as French typography wants.
    auditVerified: /^La chaîne est intacte\u00a0: \d+ entrées vérifiées\u00a0; elle contient le point de contrôle n° \d+ tel qu'il a été signé\.$/,
    forbidden: 'Accès refusé',
    passwordTitle: 'Changer le mot de passe',
    passwordSubmit: 'Changer le mot de passe',
    passwordErrorShort: 'Le mot de passe doit comporter au moins douze caractères.',
    passwordErrorMismatch: 'Les deux mots de passe ne correspondent pas.',
    navDirectory: 'Annuaire des établissements',
    directoryHeading: 'Annuaire des établissements',
    navEstablishments: 'Établissements',
    establishmentsHeading: 'Établissements de protection sociale',
    filterSearch: 'Rechercher',
    // French CLDR plural: 0 and 1 take the singular.
    establishmentsCount: (n) => `${n} établissement${n > 1 ? 's' : ''}`,
    capacity: /^\d+ places?$/,
    statusChanged: 'Le statut a été changé.',
    categorySchooled: 'Dar Talib et Dar Taliba',
    statusRequested: 'Autorisation demandée',
    statusUnderReview: 'En instruction',
    applyStatus: 'Appliquer',
    reasonRequired: 'Le motif est obligatoire.',
    reasonText: 'Dossier complet, instruction ouverte.',
    statusProject: 'Projet',
    statusDocumentsMissing: 'Pièces manquantes',
    statusAuthorised: 'Autorisé',
    checklist: {
      application: "Demande d'autorisation signée par le président de l'association",
      statutes: "Statuts de l'association",
      registration_receipt: "Récépissé définitif de dépôt de l'association",
      internal_rules: "Règlement intérieur de l'établissement",
      premises: 'Justificatif de jouissance des locaux et leur plan',
      staff_list: 'Liste du personnel et de ses qualifications',
      budget: 'Budget prévisionnel de la première année',
    },
    docAttach: 'Joindre les fichiers choisis',
    docAttached: 'Les pièces ont été jointes au dossier.',
    docNone: 'Aucune pièce jointe.',
    docErrorType: "Le contenu de ce fichier n'est ni un PDF, ni une image PNG ou JPEG (le contenu est vérifié, pas seulement le nom).",
    // These messages have an ordinary space before the colon (not a no-break one).
    docErrorBatch: "Aucun fichier n'a été enregistré\u00a0: corrigez les fichiers signalés et choisissez-les à nouveau.",
    docErrorNone: 'Choisissez au moins un fichier.',
    missingDocuments: 'Le dossier ne peut être déposé\u00a0: ces pièces obligatoires manquent.',
    stillRequested: "Joignez d'abord les pièces demandées\u00a0:",
    documentsOnce: "Les pièces manquantes ne peuvent être demandées qu'une fois.",
    requestedBadge: 'Demandée',
    documentsRequested: 'Pièces demandées',
    decision: 'Décision',
    receiptLink: 'Voir et imprimer le récépissé',
    receiptTitle: "Récépissé de dépôt d'une demande d'autorisation",
    receiptDocuments: 'Pièces reçues',
    receiptDeadline: (date) => `La décision doit être notifiée au plus tard le ${date}.`,
    // French CLDR plural: 0 and 1 take the singular.
    daysLeft: (n) => (n > 1 ? `${n} jours restants` : `${n} jour restant`),
    queueTitle: "Demandes d'autorisation à instruire",
    queueCount: (n) => (n > 1 ? `${n} demandes en attente` : `${n} demande en attente`),
    queueOverdue: (n) => `${n} en retard`,
    fileReason: "Dépôt de la demande d'autorisation avec les pièces obligatoires.",
    askReason: 'Plan des locaux illisible.',
    answerReason: 'Nouveau plan des locaux joint.',
    authoriseReason: 'Dossier conforme au cahier des charges.',
    navAssociations: 'Associations',
    assocTitle: 'Associations partenaires',
    assocNew: 'Enregistrer une association',
    assocImport: 'Importer des associations',
    assocEdit: "Modifier l'association",
    assocSearchLabel: 'Nom ou numéro du récépissé',
    // French CLDR plural: 0 and 1 take the singular.
    assocCount: (n) => `${n} association${n > 1 ? 's' : ''}`,
    emptyList: 'Aucun élément à afficher.',
    assocFacts: {
      name_ar: 'Nom en arabe',
      name_fr: 'Nom en français',
      registration_number: 'Numéro du récépissé de dépôt',
      registration_date: 'Date du récépissé',
      commune: 'Commune',
      address: 'Adresse',
      phone: 'Téléphone',
      email: 'Courriel',
    },
    assocDateHint: 'Au format AAAA-MM-JJ, par exemple 2019-05-14.',
    communeHint: 'Code HCP de la commune, par exemple 07.427.01.01',
    assocSave: 'Enregistrer',
    assocSaved: 'Les changements ont été enregistrés.',
    formHasErrors: 'Vérifiez les champs signalés ci-dessous.',
    assocErrorDate: 'Saisissez une date réelle au format AAAA-MM-JJ, qui ne soit pas dans le futur.',
    communeErrorScope: 'Cette commune est hors de votre périmètre.',
    assocErrorEmail: "Cette adresse de courriel n'est pas valide.",
    assocBoard: 'Bureau',
    assocBoardEmpty: "Aucun membre du bureau n'est enregistré.",
    assocAddMember: 'Ajouter un membre du bureau',
    assocMemberName: 'Nom et prénom',
    assocPosition: 'Fonction',
    positions: {
      president: 'Président(e)',
      vice_president: 'Vice-président(e)',
      secretary_general: 'Secrétaire général(e)',
      treasurer: 'Trésorier(ère)',
      deputy_treasurer: 'Trésorier(ère) adjoint(e)',
      member: 'Membre',
    },
    assocSince: (date) => `depuis le ${date}`,
    assocRemove: 'Retirer',
    assocRemoveMember: (name) => `Retirer ${name} du bureau`,
    assocRemoveConfirm: 'Je confirme le retrait de ce membre du bureau.',
    confirmRequired: 'Cochez la case pour confirmer.',
    pagerPosition: (p, n) => `Page ${p} sur ${n}`,
    assocPositionHeld: 'Cette fonction est déjà occupée au bureau.',
    assocEstablishments: 'Établissements fondés ou gérés',
    assocEstablishmentsEmpty: "Aucun établissement de votre périmètre n'est rattaché à cette association.",
    importColumns: 'Colonnes attendues, dans cet ordre\u00a0:',
    importFile: 'Fichier CSV',
    importSubmit: 'Importer',
    importDone: 'Import terminé.',
    // French CLDR plural: 0 and 1 take the singular.
    importInserted: (n) => (n > 1 ? `${n} ajoutées` : `${n} ajoutée`),
    importUpdated: (n) => (n > 1 ? `${n} mises à jour` : `${n} mise à jour`),
    importUnchanged: (n) => (n > 1 ? `${n} inchangées` : `${n} inchangée`),
    importRefusedRows: (n) => (n > 1 ? `${n} lignes refusées` : `${n} ligne refusée`),
    importLine: 'Ligne',
    importColumn: 'Colonne',
    importReason: 'Motif',
    importNothing: "Rien n'a été importé\u00a0: corrigez les lignes signalées, puis importez à nouveau le fichier.",
  },
};

export const otherLang = (lang: Lang): Lang => (lang === 'ar' ? 'fr' : 'ar');

export interface JisrOptions {
  jisrLang: Lang;
  screenshotDir: string;
}

interface JisrFixtures {
  lang: Lang;
  t: Strings;
  /** Every URL the browser context asked for during the test. */
  requests: string[];
  /** Runs axe-core on the page, then saves a full-page screenshot. */
  check: (page: Page, step: string) => Promise<void>;
  /** Saves a screenshot of one element (no axe run: the page it sits on is checked whole). */
  shoot: (target: Locator, step: string) => Promise<void>;
}

const AXE_PATH = require.resolve('axe-core/axe.min.js');

export const test = base.extend<JisrOptions & JisrFixtures>({
  jisrLang: ['ar', { option: true }],
  screenshotDir: ['', { option: true }],

  lang: async ({ jisrLang }, use) => use(jisrLang),
  t: async ({ jisrLang }, use) => use(STRINGS[jisrLang]),

  // Auto fixture: records every request of the test's context and, once the
  // test is done, asserts that none of them left the app's own origin.
  requests: [
    async ({ context, baseURL }, use) => {
      const urls: string[] = [];
      context.on('request', (req) => urls.push(req.url()));
      await use(urls);
      const origin = new URL(baseURL!).origin + '/';
      const external = urls.filter((u) => !u.startsWith(origin));
      expect(external, `requests outside ${origin}`).toEqual([]);
    },
    { auto: true },
  ],

  check: async ({ screenshotDir }, use, testInfo) => {
    await use(async (page, step) => {
      await weightCheck(page, step, testInfo);
      await axeCheck(page, step, testInfo);
      if (screenshotDir) {
        fs.mkdirSync(screenshotDir, { recursive: true });
        const file = path.join(screenshotDir, `${testInfo.project.name}-${step}.png`);
        await page.screenshot({ path: file, fullPage: true });
      }
    });
  },

  shoot: async ({ screenshotDir }, use, testInfo) => {
    await use(async (target, step) => {
      if (!screenshotDir) return;
      fs.mkdirSync(screenshotDir, { recursive: true });
      await target.screenshot({ path: path.join(screenshotDir, `${testInfo.project.name}-${step}.png`) });
    });
  },
});

export { expect };

interface AxeNode {
  target: unknown[];
  html: string;
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

function describe(v: AxeViolation): string {
  const nodes = v.nodes
    .slice(0, 10)
    .map((n) => `    - ${JSON.stringify(n.target)}: ${n.html}\n      ${(n.failureSummary || '').replace(/\n/g, '\n      ')}`)
    .join('\n');
  const more = v.nodes.length > 10 ? `\n    … and ${v.nodes.length - 10} more` : '';
  return `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}${more}`;
}

/** The most a page may weigh: its HTML, stylesheets and scripts (fonts and images aside). */
export const PAGE_WEIGHT_LIMIT = 150 * 1024;

/**
 * The bytes of the page's document and of the stylesheets and scripts it loaded, as sent
 * (whether or not they came from the cache this time), fonts and images left out.
 */
export async function pageWeight(page: Page): Promise<{ total: number; parts: string[] }> {
  return page.evaluate(() => {
    const size = (e: PerformanceResourceTiming) => e.encodedBodySize || e.decodedBodySize || 0;
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceResourceTiming | undefined;
    const parts: string[] = [];
    let total = 0;
    if (nav) {
      total += size(nav);
      parts.push(`${new URL(nav.name).pathname} ${size(nav)}`);
    }
    for (const e of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
      const path = new URL(e.name).pathname;
      if (/\.(css|js)$/.test(path)) {
        total += size(e);
        parts.push(`${path} ${size(e)}`);
      }
    }
    return { total, parts };
  });
}

/** Fails (softly) when the page is heavier than PAGE_WEIGHT_LIMIT. */
export async function weightCheck(page: Page, step: string, testInfo: TestInfo): Promise<void> {
  const { total, parts } = await pageWeight(page);
  const where = `${testInfo.project.name} ${step} (${page.url()})`;
  expect.soft(total, `page weight of ${where}: ${parts.join(', ')}`).toBeLessThanOrEqual(PAGE_WEIGHT_LIMIT);
  expect.soft(total, `page weight of ${where} measured`).toBeGreaterThan(0);
}

/** Injects axe-core, runs it on the whole document, fails on serious or critical violations. */
export async function axeCheck(page: Page, step: string, testInfo: TestInfo): Promise<void> {
  const present = await page.evaluate(() => typeof (window as any).axe !== 'undefined');
  if (!present) await page.addScriptTag({ path: AXE_PATH });
  const violations: AxeViolation[] = await page.evaluate(async () => {
    const axe = (window as any).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n: any) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })),
    }));
  });
  const where = `${testInfo.project.name} ${step} (${page.url()})`;
  const minor = violations.filter((v) => v.impact !== 'serious' && v.impact !== 'critical');
  if (minor.length) {
    console.log(`axe: ${minor.length} moderate/minor violation(s) on ${where}:\n${minor.map(describe).join('\n')}`);
  }
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (serious.length) {
    const text = serious.map(describe).join('\n');
    console.log(`axe: serious/critical violations on ${where}:\n${text}`);
    // Soft, so that one run reports every page's violations, not only the first.
    expect.soft(serious.map((v) => v.id), `axe serious/critical violations on ${where}:\n${text}`).toEqual([]);
  }
}

/** Opens the home page, then picks the language with the header's switch (a real click). */
export async function chooseLanguage(page: Page, lang: Lang): Promise<void> {
  const t = STRINGS[lang];
  const link = page.locator('nav.lang-switch a', { hasText: t.switchLabel });
  await expect(link).toHaveAttribute('href', new RegExp(`^/lang/${lang}\\?next=`));
  await link.click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await expect(link).toHaveAttribute('aria-current', 'true');
}

/** The password of every demo account (`jisr demo`). */
export const DEMO_PASSWORD = 'jisr-demo-2026';

/**
 * Picks the language, then signs in through the /login form (opened directly, not through the
 * header) and waits for the dashboard.
 * Sign-in is throttled per account (5 failures in 15 min lock it) and per address (30): the
 * suite types a wrong password only in the staff journey, once per project, and a successful
 * sign-in clears the account's count.
 */
export async function signIn(page: Page, lang: Lang, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`/lang/${lang}?next=/login`);
  await expect(page).toHaveURL(/\/login$/);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('main form button[type="submit"]').click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

/** Signs out with the header's button, back on the home page. */
export async function signOut(page: Page, lang: Lang): Promise<void> {
  const header = page.locator('header.site-header');
  await header.getByRole('button', { name: STRINGS[lang].signOut }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(header.getByRole('link', { name: STRINGS[lang].signIn, exact: true })).toBeVisible();
}

/** The rectangles of `locators` that overlap one another (for a header that must not pile up). */
export async function overlaps(locators: Record<string, Locator>): Promise<string[]> {
  const boxes: [string, { x: number; y: number; width: number; height: number }][] = [];
  for (const [name, loc] of Object.entries(locators)) {
    const box = await loc.boundingBox();
    if (box && box.width > 0 && box.height > 0) boxes.push([name, box]);
  }
  const found: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [an, a] = boxes[i];
      const [bn, b] = boxes[j];
      const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
      const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
      if (w > 1 && h > 1) found.push(`${an} overlaps ${bn} (${Math.round(w)}×${Math.round(h)} px)`);
    }
  }
  return found;
}
