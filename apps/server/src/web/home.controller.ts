// The home page: what kubeaula is, and honestly what is there yet.
import { Controller, Get, Render } from '@nestjs/common';
import { homeView, HomeView } from './home.view';

@Controller()
export class HomeController {
  @Get()
  @Render('home')
  home(): HomeView {
    return homeView();
  }
}
