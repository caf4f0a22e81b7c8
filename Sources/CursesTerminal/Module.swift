// placeholder until the module lands
import CNcursesw
