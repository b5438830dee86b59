// Imported first by the execution worker, so the intrinsics are frozen before any other module (jsonata, the
// interpreter) is evaluated and before any handler module or expression runs.
import { freezeIntrinsics } from './freezeIntrinsics';

freezeIntrinsics();
