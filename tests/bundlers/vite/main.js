// The app's whole use of the package: importing it defines <news-chart>.
import 'newschart';
