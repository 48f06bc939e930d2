// The modules the center runs, in order. A team that adds a module adds one line here.
import type { CenterModule } from './CenterModule.ts';
import { mobileModule } from '../mobile/MobileModule.ts';
import { careModule } from './care/CareModule.ts';
import { reportsModule } from './reports/ReportsModule.ts';
import { keypadModule } from './keypads/KeypadModule.ts';
import { alarmsModule } from './alarms/AlarmsModule.ts';
import { deskModule } from './desk/DeskModule.ts';
import { provinceFeedModule } from './province/ProvinceFeedModule.ts';
import { auditorModule } from './auditing/AuditorModule.ts';

export const CENTER_MODULES: CenterModule[] = [mobileModule({ seedSlotPlans: true }), careModule(), reportsModule(), keypadModule(), alarmsModule(), deskModule(), provinceFeedModule(), auditorModule()];
