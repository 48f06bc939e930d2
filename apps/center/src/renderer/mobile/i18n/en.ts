// Phone pages, English (missing keys fall back to Simplified Chinese).
export default {
  nav: { queue: 'Queues', follow: 'My ticket', take: 'Take a ticket', book: 'Book', progress: 'Progress' },
  common: { loading: 'Loading…', retry: 'Retry', back: 'Back', cancel: 'Cancel', confirm: 'OK', minutes: '{{n}} min', offline: 'Connection lost, reconnecting…', idHint: 'Your ID number is only checked; pages show it masked' },
  login: { title: 'Log in with your phone', phone: 'Mobile number', code: 'Code', send: 'Send code', resend: 'Resend in {{s}} s', submit: 'Log in', demo: 'Demo: the code is written to the center log (no real SMS)', as: 'Logged in as {{phone}}', logout: 'Log out' },
  follow: {
    title: 'Queue status', number: 'Your number', waiting: '{{n}} people ahead of you', estimate: 'About {{n}} min to wait', noWindow: 'No window serves this now, please wait',
    called: 'Please go to window {{w}}', recalled: 'Called again ({{n}}): please go to window {{w}} now', held: 'Set aside: window {{w}} will call you back',
    noShow: 'Missed: please queue again at the desk or a kiosk', done: 'Done. Thank you for your patience', cancelled: 'This ticket was cancelled', live: 'Live — no need to reload',
    enableAlert: 'Turn on sound and vibration', alertOn: 'Alerts on', notFound: 'Ticket not found: the link may be wrong or expired',
  },
  rate: {
    title: 'Rate the service', prompt: 'How was the service at window {{w}}?', promptNoWindow: 'How was the service?', until: 'You can rate until {{day}}',
    reasons: 'What went wrong? (pick at least one)', comment: 'Comments (optional)', submit: 'Send rating', thanks: 'Thank you for your rating!', given: 'This service has been rated. Thank you',
    closed: 'The rating period has ended',
    atWindow: 'Please rate on the rating pad at window {{w}} first; once rating there has ended you can rate here (from {{time}} at the latest)',
    atWindowNoWindow: 'Please rate on the window’s rating pad first; once rating there has ended you can rate here (from {{time}} at the latest)',
    levels: { 'very-satisfied': 'Very satisfied', satisfied: 'Satisfied', 'basically-satisfied': 'Fairly satisfied', dissatisfied: 'Dissatisfied', 'very-dissatisfied': 'Very dissatisfied' },
  },
  take: {
    title: 'Take a ticket online', intro: 'Online and on-site tickets share one line, in order of time. Watch for your call in the hall.', category: 'Service', item: 'Item (optional)',
    idNumber: 'ID number', left: '{{n}} online tickets left today', closed: 'Closed now', submit: 'Take ticket', got: 'Your ticket: {{number}}', follow: 'Follow my ticket',
    mine: 'My online tickets today', cancel: 'Cancel ticket', cancelled: 'Cancelled', none: 'No online tickets today',
  },
  book: {
    title: 'Book an appointment', intro: 'Pick an item, a day and a slot; at the hall, check in at any kiosk with the booking code for a priority ticket.', category: 'Service',
    item: 'Item (optional)', day: 'Day', slot: 'Slot', free: '{{n}} left', full: 'Full', past: 'Past', idNumber: 'ID number of the person coming', submit: 'Book',
    none: 'No appointments for this service', code: 'Booking code', qr: 'Scan this at a kiosk in the hall to check in',
    checkIn: 'Check in from {{early}} min before the slot until {{late}} min after it', holder: 'Booked for', status: { booked: 'Booked', 'checked-in': 'Checked in', cancelled: 'Cancelled' },
    cancel: 'Cancel booking', move: 'Change', moveTo: 'Move to the chosen slot', mine: 'My bookings', open: 'Open', ticket: 'Ticket from check-in: {{number}}',
    loginToChange: 'Log in with the booking phone to cancel or change',
  },
  progress: {
    title: 'Application progress', intro: 'Enter the receipt code to track your application like a parcel.', code: 'Receipt code', submit: 'Look up', applicant: 'Applicant',
    department: 'Department', accepted: 'Accepted', due: 'Due', tracking: 'Tracking no.', status: { 'in-progress': 'In progress', completed: 'Completed', 'needs-supplement': 'Documents needed', rejected: 'Rejected' },
    step: { done: 'Done', current: 'In progress', pending: 'Not started' },
  },
  queue: { title: 'Queues now', intro: 'People waiting and the expected wait for each service, live.', waiting: '{{n}} waiting', estimate: 'about {{n}} min for a new ticket', noWindow: 'no window serving now', closed: 'not served now', lastCalled: 'last called {{number}}', live: 'Live · {{time}}', take: 'Take a ticket online', more: 'See all queues', link: 'See all queues' },
  home: { title: '{{hall}}', subtitle: 'Queue · Online ticket · Appointments · Progress · Rating', followHint: 'Scan the QR code on your ticket to follow it' },
  errors: {
    'bad-request': 'Please check what you entered', 'login-required': 'Please log in with your phone first', 'rate-limited': 'Too many tries, please wait a moment',
    'not-found': 'Nothing found', 'not-yours': 'This is not your booking or ticket', 'bad-id-number': 'The ID number is not valid', 'slot-full': 'This slot is full, please pick another',
    'already-booked': 'This ID number already has a booking for this service that day', 'quota-exhausted': 'No online tickets left today ({{quota}} a day): please take one in the hall',
    'id-limit': 'One ID number may take {{limit}} online ticket(s) per service per day', 'phone-limit': 'One phone may take {{limit}} online tickets per day',
    'category-closed': 'This service is closed now', 'already-evaluated': 'This service has already been rated — one rating per service', 'evaluation-closed': 'The rating period has ended',
    'evaluation-needs-reason': 'Please pick at least one reason', 'evaluation-pending-at-window': 'Please rate on the window’s rating pad first; rating here opens once that has ended', 'wrong-code': 'Wrong code', network: 'Network problem, please try again', unknown: 'Something went wrong, please try again',
  },
};
